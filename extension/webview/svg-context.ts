// A canvas 2D context that writes SVG: chart.js draws a chart into it as it would into a canvas, and
// the result is a vector image of the same chart (axes, lines, points, legend, targets, notes),
// which a report can scale and edit. Only the part of the canvas API that chart.js 4 and the
// preview's plugins use is here: paths of lines, arcs, rectangles and curves, fill and stroke with
// dashes, text, clipping, transforms, save/restore. No DOM: text widths come from a function given
// by the caller (the browser's canvas measures them), so the module also runs in Node for its tests.

type Matrix = [number, number, number, number, number, number];

interface State {
    fillStyle: string;
    strokeStyle: string;
    lineWidth: number;
    lineCap: string;
    lineJoin: string;
    miterLimit: number;
    font: string;
    textAlign: string;
    textBaseline: string;
    globalAlpha: number;
    lineDashOffset: number;
    dash: number[];
    matrix: Matrix;
    clip?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const num = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '0');

/** A colour for an SVG attribute: rgba() split into the colour and its opacity, for viewers that lack CSS colour 4. */
function paint(colour: string, alpha: number): { colour: string; opacity?: number } {
    const m = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/i.exec(colour.trim());
    const a = m ? Number(m[4]) * alpha : alpha;
    const c = m ? `rgb(${m[1]}, ${m[2]}, ${m[3]})` : colour;
    return a < 1 ? { colour: c, opacity: Math.round(a * 1000) / 1000 } : { colour: c };
}

/** The font shorthand as SVG attributes: "italic bold 11px serif". */
function fontAttributes(font: string): string {
    const m = /^\s*(.*?)\s*([\d.]+)px\s+(.+)$/.exec(font);
    if (!m) return `font-size="10" font-family="sans-serif"`;
    const words = m[1].split(/\s+/);
    const italic = words.includes('italic');
    const weight = words.find(w => /^(bold|bolder|lighter|\d{3})$/.test(w));
    return [`font-size="${m[2]}"`, `font-family="${escapeXml(m[3])}"`, italic ? 'font-style="italic"' : '', weight && weight !== '400' ? `font-weight="${weight}"` : '']
        .filter(Boolean).join(' ');
}

export class SvgContext {
    readonly canvas: { width: number; height: number; style: Record<string, string>; getContext: () => SvgContext };
    private state: State = {
        fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', miterLimit: 10,
        font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', globalAlpha: 1, lineDashOffset: 0, dash: [],
        matrix: [1, 0, 0, 1, 0, 0]
    };
    private readonly stack: State[] = [];
    private path = '';
    /** The current point, for arcs that continue a path. */
    private at: [number, number] | undefined;
    private readonly body: string[] = [];
    private readonly defs: string[] = [];
    private clips = 0;

    constructor(width: number, height: number, private readonly measure: (font: string, text: string) => number) {
        this.canvas = { width, height, style: {}, getContext: () => this };
    }

    // ---- state ----
    get fillStyle(): string { return this.state.fillStyle; }
    set fillStyle(v: string) { this.state.fillStyle = String(v); }
    get strokeStyle(): string { return this.state.strokeStyle; }
    set strokeStyle(v: string) { this.state.strokeStyle = String(v); }
    get lineWidth(): number { return this.state.lineWidth; }
    set lineWidth(v: number) { if (Number.isFinite(v) && v >= 0) this.state.lineWidth = v; }
    get lineCap(): string { return this.state.lineCap; }
    set lineCap(v: string) { this.state.lineCap = v; }
    get lineJoin(): string { return this.state.lineJoin; }
    set lineJoin(v: string) { this.state.lineJoin = v; }
    get miterLimit(): number { return this.state.miterLimit; }
    set miterLimit(v: number) { this.state.miterLimit = v; }
    get font(): string { return this.state.font; }
    set font(v: string) { this.state.font = v; }
    get textAlign(): string { return this.state.textAlign; }
    set textAlign(v: string) { this.state.textAlign = v; }
    get textBaseline(): string { return this.state.textBaseline; }
    set textBaseline(v: string) { this.state.textBaseline = v; }
    get globalAlpha(): number { return this.state.globalAlpha; }
    set globalAlpha(v: number) { if (Number.isFinite(v)) this.state.globalAlpha = Math.min(1, Math.max(0, v)); }
    get lineDashOffset(): number { return this.state.lineDashOffset; }
    set lineDashOffset(v: number) { this.state.lineDashOffset = Number(v) || 0; }
    /** Text direction and smoothing are read and set by chart.js; they do not change the SVG. */
    direction = 'ltr';
    imageSmoothingEnabled = true;

    save(): void {
        this.stack.push({ ...this.state, dash: [...this.state.dash], matrix: [...this.state.matrix] as Matrix });
    }

    restore(): void {
        const s = this.stack.pop();
        if (s) this.state = s;
    }

    setLineDash(dash: number[]): void {
        this.state.dash = dash.every(d => Number.isFinite(d) && d >= 0) ? [...dash] : this.state.dash;
    }

    getLineDash(): number[] {
        return [...this.state.dash];
    }

    // ---- transforms ----
    setTransform(a: number, b = 0, c = 0, d = 1, e = 0, f = 0): void {
        this.state.matrix = [a, b, c, d, e, f];
    }

    resetTransform(): void {
        this.state.matrix = [1, 0, 0, 1, 0, 0];
    }

    transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
        const [A, B, C, D, E, F] = this.state.matrix;
        this.state.matrix = [A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F];
    }

    translate(x: number, y: number): void {
        this.transform(1, 0, 0, 1, x, y);
    }

    scale(x: number, y: number): void {
        this.transform(x, 0, 0, y, 0, 0);
    }

    rotate(angle: number): void {
        const c = Math.cos(angle);
        const s = Math.sin(angle);
        this.transform(c, s, -s, c, 0, 0);
    }

    private point(x: number, y: number): [number, number] {
        const [a, b, c, d, e, f] = this.state.matrix;
        return [a * x + c * y + e, b * x + d * y + f];
    }

    /** How much the transform scales lengths (uniformly, as chart.js uses it). */
    private get unit(): number {
        const [a, b, c, d] = this.state.matrix;
        return Math.sqrt(Math.abs(a * d - b * c)) || 1;
    }

    // ---- paths ----
    beginPath(): void {
        this.path = '';
        this.at = undefined;
    }

    moveTo(x: number, y: number): void {
        const [px, py] = this.point(x, y);
        this.path += `M${num(px)} ${num(py)}`;
        this.at = [px, py];
    }

    lineTo(x: number, y: number): void {
        const [px, py] = this.point(x, y);
        this.path += `${this.at ? 'L' : 'M'}${num(px)} ${num(py)}`;
        this.at = [px, py];
    }

    closePath(): void {
        if (this.path) this.path += 'Z';
    }

    quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
        const [qx, qy] = this.point(cx, cy);
        const [px, py] = this.point(x, y);
        if (!this.at) this.moveTo(cx, cy);
        this.path += `Q${num(qx)} ${num(qy)} ${num(px)} ${num(py)}`;
        this.at = [px, py];
    }

    bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
        const [ax, ay] = this.point(c1x, c1y);
        const [bx, by] = this.point(c2x, c2y);
        const [px, py] = this.point(x, y);
        if (!this.at) this.moveTo(c1x, c1y);
        this.path += `C${num(ax)} ${num(ay)} ${num(bx)} ${num(by)} ${num(px)} ${num(py)}`;
        this.at = [px, py];
    }

    rect(x: number, y: number, w: number, h: number): void {
        this.moveTo(x, y);
        this.lineTo(x + w, y);
        this.lineTo(x + w, y + h);
        this.lineTo(x, y + h);
        this.closePath();
        this.at = this.point(x, y);
    }

    arc(x: number, y: number, r: number, start: number, end: number, counterclockwise = false): void {
        this.ellipse(x, y, r, r, 0, start, end, counterclockwise);
    }

    ellipse(x: number, y: number, rx: number, ry: number, rotation: number, start: number, end: number, counterclockwise = false): void {
        if (rx < 0 || ry < 0) return;
        const TAU = Math.PI * 2;
        let sweep = end - start;
        if (!counterclockwise && sweep >= TAU || counterclockwise && -sweep >= TAU) sweep = counterclockwise ? -TAU : TAU;
        else if (!counterclockwise && sweep < 0) sweep = (sweep % TAU) + TAU;
        else if (counterclockwise && sweep > 0) sweep = (sweep % TAU) - TAU;
        const at = (t: number): [number, number] => {
            const cx = rx * Math.cos(t);
            const cy = ry * Math.sin(t);
            return [x + cx * Math.cos(rotation) - cy * Math.sin(rotation), y + cx * Math.sin(rotation) + cy * Math.cos(rotation)];
        };
        const [sx, sy] = at(start);
        if (this.at) this.lineTo(sx, sy);
        else this.moveTo(sx, sy);
        const k = this.unit;
        const degrees = (rotation * 180) / Math.PI;
        // A full turn is two half arcs (one SVG arc cannot end where it starts).
        const parts = Math.abs(sweep) >= TAU - 1e-9 ? 2 : 1;
        for (let i = 1; i <= parts; i++) {
            const t = start + (sweep * i) / parts;
            const [ex, ey] = at(t);
            const [px, py] = this.point(ex, ey);
            const large = Math.abs(sweep / parts) > Math.PI ? 1 : 0;
            // The transform keeps orientation (no mirror) in chart.js, so the sweep flag follows the direction.
            const flag = sweep > 0 ? 1 : 0;
            this.path += `A${num(rx * k)} ${num(ry * k)} ${num(degrees)} ${large} ${flag} ${num(px)} ${num(py)}`;
            this.at = [px, py];
        }
    }

    // ---- painting ----
    private clipAttribute(): string {
        return this.state.clip ? ` clip-path="url(#${this.state.clip})"` : '';
    }

    private fillAttributes(): string {
        const p = paint(this.state.fillStyle, this.state.globalAlpha);
        return `fill="${escapeXml(p.colour)}"${p.opacity !== undefined ? ` fill-opacity="${p.opacity}"` : ''}`;
    }

    private strokeAttributes(): string {
        const p = paint(this.state.strokeStyle, this.state.globalAlpha);
        const k = this.unit;
        const parts = [`fill="none" stroke="${escapeXml(p.colour)}"`, `stroke-width="${num(this.state.lineWidth * k)}"`];
        if (p.opacity !== undefined) parts.push(`stroke-opacity="${p.opacity}"`);
        if (this.state.lineCap !== 'butt') parts.push(`stroke-linecap="${this.state.lineCap}"`);
        if (this.state.lineJoin !== 'miter') parts.push(`stroke-linejoin="${this.state.lineJoin}"`);
        if (this.state.dash.length > 0 && this.state.dash.some(d => d > 0)) {
            parts.push(`stroke-dasharray="${this.state.dash.map(d => num(d * k)).join(' ')}"`);
            if (this.state.lineDashOffset) parts.push(`stroke-dashoffset="${num(this.state.lineDashOffset * k)}"`);
        }
        return parts.join(' ');
    }

    fill(): void {
        if (this.path) this.body.push(`<path d="${this.path}" ${this.fillAttributes()}${this.clipAttribute()}/>`);
    }

    stroke(): void {
        if (this.path && this.state.lineWidth > 0) this.body.push(`<path d="${this.path}" ${this.strokeAttributes()}${this.clipAttribute()}/>`);
    }

    fillRect(x: number, y: number, w: number, h: number): void {
        const saved = [this.path, this.at] as const;
        this.beginPath();
        this.rect(x, y, w, h);
        this.fill();
        [this.path, this.at] = saved;
    }

    strokeRect(x: number, y: number, w: number, h: number): void {
        const saved = [this.path, this.at] as const;
        this.beginPath();
        this.rect(x, y, w, h);
        this.stroke();
        [this.path, this.at] = saved;
    }

    /** Clearing the whole canvas (chart.js does before each draw) forgets what was drawn. */
    clearRect(x: number, y: number, w: number, h: number): void {
        const [x0, y0] = this.point(x, y);
        const [x1, y1] = this.point(x + w, y + h);
        if (x0 <= 0 && y0 <= 0 && x1 >= this.canvas.width && y1 >= this.canvas.height) this.body.length = 0;
    }

    clip(): void {
        if (!this.path) return;
        const id = `clip${++this.clips}`;
        // A clip inside a clip: the new one is clipped by the old one.
        this.defs.push(`<clipPath id="${id}"${this.clipAttribute()}><path d="${this.path}"/></clipPath>`);
        this.state.clip = id;
    }

    measureText(text: string): { width: number; actualBoundingBoxAscent: number; actualBoundingBoxDescent: number } {
        const size = Number(/([\d.]+)px/.exec(this.state.font)?.[1] ?? 10);
        return { width: this.measure(this.state.font, String(text)), actualBoundingBoxAscent: size * 0.8, actualBoundingBoxDescent: size * 0.2 };
    }

    private text(text: string, x: number, y: number, how: 'fill' | 'stroke'): void {
        const anchor = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' }[this.state.textAlign] ?? 'start';
        const baseline = { top: 'text-before-edge', hanging: 'hanging', middle: 'central', alphabetic: 'alphabetic', ideographic: 'ideographic', bottom: 'text-after-edge' }[this.state.textBaseline] ?? 'alphabetic';
        const [a, b, c, d, e, f] = this.state.matrix;
        // The transform in the text's own attribute, so that rotated tick labels stay rotated.
        const transform = a === 1 && b === 0 && c === 0 && d === 1 ? '' : ` transform="matrix(${[a, b, c, d, e, f].map(num).join(' ')})"`;
        const [px, py] = transform ? [x, y] : this.point(x, y);
        const paintAttributes = how === 'fill' ? this.fillAttributes() : this.strokeAttributes();
        const element = `<text x="${num(px)}" y="${num(py)}" text-anchor="${anchor}" dominant-baseline="${baseline}" ${fontAttributes(this.state.font)} ${paintAttributes}${transform} xml:space="preserve">${escapeXml(String(text))}</text>`;
        // The clip in the page's coordinates: on a group around the text, not on the transformed text.
        this.body.push(this.state.clip ? `<g${this.clipAttribute()}>${element}</g>` : element);
    }

    fillText(text: string, x: number, y: number): void {
        this.text(text, x, y, 'fill');
    }

    strokeText(text: string, x: number, y: number): void {
        this.text(text, x, y, 'stroke');
    }

    /** Images (chart.js draws a legend's image point style): not used by the preview's charts. */
    drawImage(): void {}

    /** The image: an SVG document of the canvas's size. */
    toSvg(title?: string): string {
        const { width, height } = this.canvas;
        return `<?xml version="1.0" encoding="UTF-8"?>\n`
            + `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n`
            + (title ? `<title>${escapeXml(title)}</title>\n` : '')
            + (this.defs.length ? `<defs>\n${this.defs.join('\n')}\n</defs>\n` : '')
            + `${this.body.join('\n')}\n</svg>\n`;
    }
}
