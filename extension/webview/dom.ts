// Builds DOM nodes. Plan strings only ever reach the page through textContent or setAttribute, never
// through innerHTML, so a district named "<img onerror=…>" is shown as text.
export interface Props {
    className?: string;
    text?: string;
    title?: string;
    attrs?: Record<string, string | undefined>;
    data?: Record<string, string | number | undefined>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | null | undefined | false)[]): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    if (props.className) e.className = props.className;
    if (props.text !== undefined) e.textContent = props.text;
    if (props.title) e.title = props.title;
    for (const [k, v] of Object.entries(props.attrs ?? {})) if (v !== undefined) e.setAttribute(k, v);
    for (const [k, v] of Object.entries(props.data ?? {})) if (v !== undefined) e.dataset[k] = String(v);
    for (const c of children) if (c) e.append(c);
    return e;
}
