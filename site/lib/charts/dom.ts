// The server-side DOM Plot draws into: only what Plot and d3-selection call for the site's charts,
// serialised exactly as linkedom's HTML document did (the charts' SVG is byte for byte what it was).
// linkedom made every node, attribute included, an EventTarget kept in one module-wide WeakMap:
// a client page's two charts write some 400 elements, attributes and texts, and that bookkeeping
// and the garbage collector's work on it were most of a chart's cost. Here a node is a plain
// object, an element's attributes a Map. What Plot asks of the DOM beyond this (a selector other
// than '*', cloneNode, the events of interactive marks, a canvas) is not here: calling it throws
// rather than drawing differently.
// test/site/chart-dom.test.ts draws each chart here and in linkedom and compares the text.

const svgNs = 'http://www.w3.org/2000/svg';
const xhtmlNs = 'http://www.w3.org/1999/xhtml';
// linkedom writes these bare when empty, and leaves out an empty id, class or style altogether.
const emptyAttributes = new Set(['allowfullscreen', 'allowpaymentrequest', 'async', 'autofocus', 'autoplay', 'checked', 'class', 'contenteditable', 'controls', 'default', 'defer', 'disabled', 'draggable', 'formnovalidate', 'hidden', 'id', 'ismap', 'itemscope', 'loop', 'multiple', 'muted', 'nomodule', 'novalidate', 'open', 'playsinline', 'readonly', 'required', 'reversed', 'selected', 'style', 'truespeed']);
const voidElements = /^(?:area|base|br|col|embed|hr|img|input|keygen|link|menuitem|meta|param|source|track|wbr)$/i;
// HTML elements whose text is written as it is, unescaped (linkedom's TextElement).
const rawTextElements = new Set(['script', 'style', 'textarea', 'title']);
const textEscapes: Record<string, string> = { '\xA0': '&#160;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** An element's style: `style.fontSize = '12px'` (what Object.assign does) or `style.setProperty('font-size', '12px')`. */
type StyleDeclaration = {
  setProperty(name: string, value: unknown): void;
  removeProperty(name: string): void;
  getPropertyValue(name: string): unknown;
} & Record<string, unknown>;

abstract class DomNode {
  parentNode: DomElement | null = null;
  abstract readonly nodeType: number;
  readonly ownerDocument: DomDocument;
  constructor(ownerDocument: DomDocument) {
    this.ownerDocument = ownerDocument;
  }
  get nextSibling(): DomNode | null {
    const siblings = this.parentNode?.nodes;
    return siblings?.[siblings.indexOf(this) + 1] ?? null;
  }
  get previousSibling(): DomNode | null {
    const siblings = this.parentNode?.nodes;
    return siblings?.[siblings.indexOf(this) - 1] ?? null;
  }
  remove(): void {
    const siblings = this.parentNode?.nodes;
    if (siblings) siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }
  abstract get textContent(): string;
  abstract toString(): string;
}

class DomText extends DomNode {
  readonly nodeType = 3;
  readonly data: string;
  constructor(ownerDocument: DomDocument, data: unknown) {
    super(ownerDocument);
    this.data = String(data);
  }
  get textContent(): string {
    return this.data;
  }
  toString(): string {
    return this.data.replace(/[<>&\xA0]/g, (c) => textEscapes[c]!);
  }
}

class DomElement extends DomNode {
  readonly nodeType = 1;
  /** Children in order. */
  readonly nodes: DomNode[] = [];
  /** Attributes in the order first set: linkedom put each new one first, so they are written backwards. */
  private readonly attributes = new Map<string, string>();
  private declarations: Map<string, unknown> | undefined;
  private styleProxy: StyleDeclaration | undefined;
  /** Set by setAttribute('style'): the declarations are read again from the attribute. */
  private styleChanged = false;

  readonly localName: string;
  readonly namespaceURI: string;

  constructor(ownerDocument: DomDocument, localName: string, namespaceURI: string) {
    super(ownerDocument);
    this.localName = localName;
    this.namespaceURI = namespaceURI;
  }

  get tagName(): string {
    return this.localName.toUpperCase();
  }
  get nodeName(): string {
    return this.tagName;
  }
  get childNodes(): DomNode[] {
    return [...this.nodes];
  }
  get children(): DomElement[] {
    return this.nodes.filter((n): n is DomElement => n instanceof DomElement);
  }
  get firstChild(): DomNode | null {
    return this.nodes[0] ?? null;
  }
  get lastChild(): DomNode | null {
    return this.nodes.at(-1) ?? null;
  }
  get firstElementChild(): DomElement | null {
    return this.children[0] ?? null;
  }
  get textContent(): string {
    return this.nodes.map((n) => n.textContent).join('');
  }
  set textContent(text: unknown) {
    for (const node of [...this.nodes]) node.remove();
    if (text != null && text !== '') this.appendChild(new DomText(this.ownerDocument, text));
  }
  get className(): string {
    return this.getAttribute('class') ?? '';
  }
  set className(value: string) {
    this.setAttribute('class', value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  setAttribute(name: string, value: unknown): void {
    // A class is a token list: split on white space, each token once.
    const text = name === 'class' ? [...new Set(String(value).split(/\s+/).filter(Boolean))].join(' ') : String(value);
    this.attributes.set(name, text);
    if (name === 'style') this.styleChanged = true;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  // d3 names an attribute with a namespace ('xlink:href') by its local name, as linkedom did.
  getAttributeNS(_namespace: string | null, name: string): string | null {
    return this.getAttribute(name);
  }
  hasAttributeNS(_namespace: string | null, name: string): boolean {
    return this.hasAttribute(name);
  }
  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
  }

  /** The style attribute as linkedom's CSSStyleDeclaration kept it: one `name:value` per property, joined by ';'. */
  get style(): StyleDeclaration {
    this.styleProxy ??= new Proxy(
      {
        setProperty: (name: string, value: unknown) => this.setStyle(name, value),
        removeProperty: (name: string) => this.setStyle(name, null),
        getPropertyValue: (name: string) => this.styleDeclarations().get(hyphenate(name)) ?? '',
      } as StyleDeclaration,
      {
        get: (methods, name) => (typeof name === 'string' && !Object.hasOwn(methods, name) ? (this.styleDeclarations().get(hyphenate(name)) ?? '') : methods[name as string]),
        set: (_, name, value) => {
          if (typeof name !== 'string') throw new Error('a style property is named by a string');
          if (name === 'cssText') this.setAttribute('style', value);
          else this.setStyle(name, value);
          return true;
        },
      },
    );
    return this.styleProxy;
  }

  append(...nodes: unknown[]): void {
    for (const node of nodes) this.appendChild(node instanceof DomNode ? node : new DomText(this.ownerDocument, node));
  }
  appendChild<T extends DomNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  insertBefore<T extends DomNode>(node: T, before: DomNode | null): T {
    if ((node as DomNode) === before) return node;
    if ((node as DomNode) === this) throw new Error('unable to append a node to itself');
    if (!(node instanceof DomNode)) throw new Error('only this DOM’s nodes can be inserted');
    node.remove();
    const at = before ? this.nodes.indexOf(before) : -1;
    if (at < 0) this.nodes.push(node);
    else this.nodes.splice(at, 0, node);
    node.parentNode = this;
    return node;
  }
  removeChild<T extends DomNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('node is not a child');
    node.remove();
    return node;
  }
  replaceWith(...nodes: unknown[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    for (const node of nodes) parent.insertBefore(node instanceof DomNode ? node : new DomText(this.ownerDocument, node), this);
    this.remove();
  }
  querySelector(selector: string): DomElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  querySelectorAll(selector: string): DomElement[] {
    // d3's selection.insert(name, '*') asks for the first child element: nothing else is needed.
    if (selector !== '*') throw new Error(`the chart DOM (site/lib/charts/dom.ts) has no selector ${selector}`);
    return this.children.flatMap((child) => [child, ...child.querySelectorAll('*')]);
  }

  get outerHTML(): string {
    return this.toString();
  }
  toString(): string {
    let attributes = '';
    for (const [name, value] of this.attributes) {
      if (!value && emptyAttributes.has(name)) {
        if (name !== 'id' && name !== 'class' && name !== 'style') attributes = ` ${name}${attributes}`;
      } else attributes = ` ${name}="${value.includes('"') ? value.replaceAll('"', '&quot;') : value}"${attributes}`;
    }
    const open = `<${this.localName}${attributes}`;
    if (this.namespaceURI !== svgNs && rawTextElements.has(this.localName)) {
      // linkedom's TextElement: the element without its children, its text put between the tags.
      return `${open}></${this.localName}>`.replace('><', () => `>${this.textContent}<`);
    }
    if (this.nodes.length === 0) return this.namespaceURI === svgNs ? `${open} />` : voidElements.test(this.localName) ? `${open}>` : `${open}></${this.localName}>`;
    return `${open}>${this.nodes.join('')}</${this.localName}>`;
  }

  private styleDeclarations(): Map<string, unknown> {
    const attribute = this.attributes.get('style');
    if (attribute === undefined || this.styleChanged || !this.declarations) {
      this.declarations = new Map();
      this.styleChanged = false;
      for (const rule of attribute?.split(/\s*;\s*/) ?? []) {
        const [key = '', ...rest] = rule.split(':');
        const value = rest.join(':').trim();
        if (rest.length > 0 && key.trim() && value) this.declarations.set(key.trim(), value);
      }
    }
    return this.declarations;
  }

  private setStyle(name: string, value: unknown): void {
    const declarations = this.styleDeclarations();
    if (value == null) declarations.delete(hyphenate(name));
    else declarations.set(hyphenate(name), value);
    this.attributes.set('style', [...declarations].map(([key, v]) => `${key}:${String(v)}`).join(';'));
  }
}

/** linkedom's SVG elements have this property (null): Plot and d3 test for it with `in`. */
class DomSvgElement extends DomElement {
  ownerSVGElement = null;
}

/** A document Plot can draw in: `Plot.plot({ document })`. */
export class DomDocument {
  readonly documentElement: DomElement;
  constructor() {
    this.documentElement = new DomElement(this, 'html', xhtmlNs);
  }
  createElement(localName: string): DomElement {
    return new DomElement(this, localName, xhtmlNs);
  }
  createElementNS(namespace: string | null, localName: string): DomElement {
    return namespace === svgNs ? new DomSvgElement(this, localName, svgNs) : this.createElement(localName);
  }
  createTextNode(data: unknown): DomText {
    return new DomText(this, data);
  }
}

/** linkedom's (uhyphen's) property name to CSS name: 'fontFamily' → 'font-family'. */
function hyphenate(name: string): string {
  return name.replace(/(([A-Z0-9])([A-Z0-9][a-z]))|(([a-z0-9]+)([A-Z]))/g, '$2$5-$3$6').toLowerCase();
}
