// The admin page's own script (bundled by src/cms/bundle.ts, loaded after Decap CMS's): the file
// formats that keep front matter as editors wrote it, the date field in the site's time zone, and the
// preview pane that renders an article with the site's own layout and stylesheet.
import { BODY_FIELD, readData, readEntry, writeData, writeEntry } from "../entry-file.ts";
import { DATA_FORMAT, DATETIME_WIDGET, FRONT_MATTER_FORMAT } from "../config.ts";
import { fromZoneInput, nowInZone, toZoneInput } from "../datetime.ts";
import { renderArticlePreview } from "../preview-article.ts";
import { PREVIEW_DATA_ID, type PreviewData } from "../preview-data.ts";
import { siteUrl } from "../../site/site.ts";

// Decap CMS's globals: React's createElement as `h`, React's createClass, and the CMS's registry.
// Decap hands these around detached from any object: they are typed as function properties.
interface ImmutableLike {
  get: (key: string) => unknown;
  toJS: () => unknown;
}
interface ControlProps {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  field: ImmutableLike;
}
interface PreviewProps {
  entry: ImmutableLike;
  getAsset: (path: string) => { toString: () => string };
}
type Element = unknown;
declare const window: Window & {
  h: (type: string | object, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;
  createClass: <P>(spec: { render(this: { props: P }): Element; componentDidMount?(this: { props: P }): void }) => object;
  CMS: {
    registerCustomFormat: (name: string, extension: string, formatter: { fromFile: (text: string) => object; toFile: (data: Record<string, unknown>, sortedKeys?: string[]) => string }) => void;
    registerWidget: (name: string, control: object, preview?: object) => void;
    registerPreviewStyle: (url: string) => void;
    registerPreviewTemplate: (collection: string, template: object) => void;
  };
};

const data = JSON.parse(document.getElementById(PREVIEW_DATA_ID)?.textContent ?? "null") as PreviewData;
const { CMS, h, createClass } = window;

// The form's values travel with the text they were read from; only changed fields are rewritten.
CMS.registerCustomFormat(FRONT_MATTER_FORMAT, "md", {
  fromFile: (text) => readEntry(text),
  toFile: (values, sortedKeys = []) => writeEntry(values, [...sortedKeys, BODY_FIELD]),
});
CMS.registerCustomFormat(DATA_FORMAT, "yml", {
  fromFile: (text) => readData(text),
  toFile: (values, sortedKeys = []) => writeData(values, sortedKeys),
});

/** A date and time typed in the site's zone (a native input: keyboard and screen-reader friendly). */
const DatetimeControl = createClass<ControlProps>({
  componentDidMount() {
    // A new story's publication time starts at now; the editor changes it to schedule.
    const { value, onChange, field } = this.props;
    if (!value && field.get("name") === "date") onChange(fromZoneInput(nowInZone(String(field.get("time_zone"))), String(field.get("time_zone"))));
  },
  render() {
    const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle, field } = this.props;
    const zone = String(field.get("time_zone"));
    return h(
      "div",
      { className: classNameWrapper },
      h("input", {
        id: forID,
        type: "datetime-local",
        value: toZoneInput(value, zone),
        onChange: (event: Event) => {
          const local = (event.target as HTMLInputElement).value;
          onChange(local ? fromZoneInput(local, zone) : "");
        },
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
        style: { font: "inherit", padding: "0.4em", border: "1px solid #767676", borderRadius: "4px" },
      }),
      h("span", { style: { marginInlineStart: "0.75em" } }, `${zone} time`),
    );
  },
});
CMS.registerWidget(DATETIME_WIDGET, DatetimeControl, createClass<{ value?: string }>({ render() { return h("span", null, this.props.value ?? ""); } }));

// The site's stylesheet in the preview pane, and the article drawn by the site's own layout.
CMS.registerPreviewStyle(siteUrl(data.site, data.stylesheet));
const ArticlePreview = createClass<PreviewProps>({
  render() {
    const { entry, getAsset } = this.props;
    const values = ((entry.get("data") as ImmutableLike | undefined)?.toJS() ?? {}) as Record<string, unknown>;
    const html = renderArticlePreview(values, data, (path) => getAsset(path).toString(), new Date());
    return h("div", { className: "dateline-preview", dangerouslySetInnerHTML: { __html: html } });
  },
});
CMS.registerPreviewTemplate("articles", ArticlePreview);
