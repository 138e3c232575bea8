// The whole document as DOCX, in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): the issuer and the
// national motto side by side in a borderless table with the number and the place and date under
// them, the kind in bold capitals and the title in bold with a short rule below, the body justified
// with its first lines indented, then the recipients and the signature side by side; then each annex
// on its own section as the annex export prints it (docx.ts). Sizes follow the decree: 13–14 pt,
// recipients 11–12 pt; the body's pages are numbered at the top from the second page.
import {
    AlignmentType, BorderStyle, CommentRangeEnd, CommentRangeStart, CommentReference, convertMillimetersToTwip, Document, Header, Packer, PageNumber, PageOrientation,
    Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
    type ICommentOptions, type ISectionOptions, type ParagraphChild
} from 'docx';
import type { DocumentParagraph, DocumentView, PlanView, ViewFinding } from '../../../common/view.js';
import type { Locale } from '../../../common/locale.js';
import { say } from '../../../common/catalogue.js';
import { REVIEW_SEVERITIES } from '../../../common/words/review.js';
import { TEXT_FINDINGS } from '../../../common/words/text-findings.js';
import { annexSection, annexTextSize, A4, BLACK, FONT, MARGIN } from './docx.js';
import { exportText, exportView } from './text.js';

/**
 * The Word comments of an export with the findings in the text: each finding one comment, anchored
 * on the whole paragraph that carries it (a reviewer's comment in Word, by the checker).
 */
class CommentBook {
    readonly comments: ICommentOptions[] = [];
    constructor(private readonly locale: Locale, private readonly date: Date) {}

    /** The runs with the findings' comments around them (none: the runs as they are). */
    anchor(findings: ViewFinding[] | undefined, runs: ParagraphChild[]): ParagraphChild[] {
        if (!findings || findings.length === 0) return runs;
        const ids = findings.map(f => {
            const id = this.comments.length;
            const text = exportText(say(TEXT_FINDINGS.comment, this.locale, { severity: say(REVIEW_SEVERITIES[f.severity], this.locale), code: f.code, message: f.message }));
            this.comments.push({
                id, author: say(TEXT_FINDINGS.author, this.locale), initials: say(TEXT_FINDINGS.initials, this.locale), date: this.date,
                children: [new Paragraph({ children: [new TextRun({ text })] })]
            });
            return id;
        });
        return [
            ...ids.map(id => new CommentRangeStart(id)),
            ...runs,
            ...ids.flatMap(id => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })])
        ];
    }
}

export interface DocumentDocxOptions {
    /** The findings as Word comments on their paragraphs (ExportOptions.findingsInText). */
    comments?: boolean;
    /** The language of the comments' fixed words (the messages come as the checker said them). */
    locale?: Locale;
    /** The comments' date (now by default). */
    date?: Date;
}

/** Half-points. */
const SIZE = { body: 28, issuer: 26, motto: 24, recipientsHeading: 24, recipients: 22 } as const;
/** The body's width on a portrait page, in twips. */
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** 1,27 cm: the first-line indent of a body paragraph. */
const INDENT = 720;

interface RunStyle { bold?: boolean; italics?: boolean; size?: number }

function line(
    text: string, style: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; before?: number },
    around: (runs: ParagraphChild[]) => ParagraphChild[] = runs => runs
): Paragraph {
    return new Paragraph({
        alignment: style.align ?? AlignmentType.CENTER,
        spacing: { before: style.before ?? 0, after: style.after ?? 0 },
        children: around([new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size ?? SIZE.body })])
    });
}

/**
 * The short horizontal rule under the issuer, the motto and the title: an empty paragraph of 1 pt
 * with a bottom border, `width` twips long and centred in `space`.
 */
function rule(width: number, space: number): Paragraph {
    const side = Math.max(0, Math.floor((space - width) / 2));
    return new Paragraph({
        indent: { left: side, right: side },
        spacing: { before: 40, after: 0, line: 20, lineRule: 'exact' },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
        children: [new TextRun({ text: '', size: 2 })]
    });
}

/** Roughly how wide a line of text prints, in twips (≈ 0,5 em a letter, bold capitals wider). */
function textWidth(text: string, halfPoints: number, capitals = false): number {
    return Math.round(text.length * halfPoints * 10 * (capitals ? 0.68 : 0.5));
}

function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
    return new Table({
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: TableBorders.NONE,
        rows: rows.map(cells => new TableRow({
            cantSplit: true,
            children: cells.map((children, i) => new TableCell({
                width: { size: widths[i], type: WidthType.DXA },
                borders: TableBorders.NONE,
                children: children.length > 0 ? children : [new Paragraph({})]
            }))
        }))
    });
}

/** The issuer and the motto, the number and the place and date: Nghị định 30's ô số 1–4. */
function headerBlock(d: DocumentView): Table {
    // The motto's first line, 12 pt bold capitals, needs about 92 mm on one line.
    const left = Math.round(CONTENT_WIDTH * 0.38);
    const right = CONTENT_WIDTH - left;
    const issuer = d.issuer.map(l => line(l, { bold: true, size: SIZE.issuer }));
    const longest = Math.max(0, ...d.issuer.map(l => textWidth(l, SIZE.issuer, true)));
    return layoutTable([left, right], [
        [
            [...issuer, ...(issuer.length > 0 ? [rule(Math.min(left * 0.4, longest / 2), left)] : [])],
            [
                line(d.motto[0], { bold: true, size: SIZE.motto }),
                line(d.motto[1], { bold: true, size: SIZE.body }),
                rule(Math.min(right, textWidth(d.motto[1], SIZE.body)), right)
            ]
        ],
        [
            [line(d.number, { size: SIZE.issuer, before: 120 })],
            d.placeDate ? [line(d.placeDate, { italics: true, size: SIZE.body, before: 120 })] : []
        ]
    ]);
}

function bodyParagraph(p: DocumentParagraph, keepWithNext = false, book?: CommentBook): Paragraph {
    const heading = p.kind === 'heading';
    const note = p.kind === 'note';
    const runs: TextRun[] = [];
    if (p.lead) runs.push(new TextRun({ text: p.text === '' ? p.lead.text : `${p.lead.text} `, bold: p.lead.bold, italics: p.lead.italic, size: SIZE.body }));
    runs.push(new TextRun({ text: p.text, bold: heading || p.bold, italics: note || (heading && p.level === 3), size: SIZE.body }));
    return new Paragraph({
        alignment: note ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
        indent: note ? undefined : { firstLine: INDENT },
        // 6 pt between paragraphs, lines at 1,15: the decree's "at least 6 pt", "single to 1,5 lines".
        spacing: { before: heading && p.level === 1 ? 120 : 0, after: 120, line: 276 },
        keepNext: heading || keepWithNext ? true : undefined,
        children: book ? book.anchor(p.findings, runs) : runs
    });
}

/** "Nơi nhận:" with its list on the left, the signature on the right (ô số 7–9). */
function closingBlock(d: DocumentView): Table | undefined {
    if (d.recipients.items.length === 0 && !d.signature) return undefined;
    const left = Math.round(CONTENT_WIDTH * 0.45);
    const right = CONTENT_WIDTH - left;
    const recipients = d.recipients.items.length === 0 ? [] : [
        line(d.recipients.heading, { bold: true, italics: true, size: SIZE.recipientsHeading, align: AlignmentType.LEFT }),
        ...d.recipients.items.map(r => line(r, { size: SIZE.recipients, align: AlignmentType.LEFT }))
    ];
    const signature = !d.signature ? [] : [
        ...d.signature.lines.map(l => line(l, { bold: true })),
        // Room for the signature and the seal.
        ...Array.from({ length: 4 }, () => new Paragraph({ children: [new TextRun({ text: '', size: SIZE.body })] })),
        line(d.signature.name, { bold: true })
    ];
    return layoutTable([left, right], [[recipients, signature]]);
}

function documentSection(d: DocumentView, book?: CommentBook): ISectionOptions {
    // The head's findings (before the first section) anchored on the title, else on the kind.
    const headOn = d.title?.trim() ? 'title' : 'kind';
    const head = (on: string) => (runs: ParagraphChild[]) => (book && on === headOn ? book.anchor(d.findings, runs) : runs);
    const title = d.title?.trim() ? [line(d.title, { bold: true }, head('title'))] : [];
    const closing = closingBlock(d);
    return {
        properties: {
            titlePage: true,
            page: {
                size: { ...A4, orientation: PageOrientation.PORTRAIT },
                margin: { ...MARGIN, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) },
                pageNumbers: { start: 1 }
            }
        },
        headers: {
            default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.body })] })] }),
            first: new Header({ children: [new Paragraph({})] })
        },
        children: [
            headerBlock(d),
            line(d.kind, { bold: true, before: 360 }, head('kind')),
            ...title,
            rule(Math.min(CONTENT_WIDTH / 3, textWidth(d.title ?? d.kind, SIZE.body) / 2), CONTENT_WIDTH),
            new Paragraph({ spacing: { after: 120 }, children: [] }),
            // The last paragraph goes with the signature: a signature never stands alone on its page.
            ...d.body.map((p, i) => bodyParagraph(p, closing !== undefined && i === d.body.length - 1, book)),
            ...(closing ? [new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] }), closing] : []),
            new Paragraph({})
        ]
    };
}

/**
 * The whole document, then its annexes. A view without a document (an old server) prints the annexes
 * alone. With `comments`, each finding of the text is a Word comment on its paragraph.
 */
export async function renderDocumentDocx(plan: PlanView, options: DocumentDocxOptions = {}): Promise<Uint8Array> {
    // docx writes text into its XML as given: characters XML 1.0 forbids must go first.
    const view = exportView(plan);
    const book = options.comments ? new CommentBook(options.locale ?? 'vi', options.date ?? new Date()) : undefined;
    const sections: ISectionOptions[] = [
        ...(view.document ? [documentSection(view.document, book)] : []),
        ...view.annexes.map(annex => annexSection(annex, annexTextSize(view.annexes), book ? (findings, runs) => book.anchor(findings, runs) : undefined))
    ];
    const document = new Document({
        creator: view.header.issuer ?? 'plan',
        title: [view.document?.kind, view.document?.title ?? view.header.title ?? view.id].filter(Boolean).join(' '),
        styles: { default: { document: { run: { font: FONT, size: SIZE.body, color: BLACK } } } },
        sections: sections.length > 0 ? sections : [{ children: [new Paragraph({})] }],
        ...(book && book.comments.length > 0 ? { comments: { children: book.comments } } : {})
    });
    return new Uint8Array(await Packer.toArrayBuffer(document));
}
