// Progressive enhancement for ```gallery and ```embed blocks (layouts/Gallery.tsx, layouts/Embed.tsx).
// Without this script a gallery is a list of figures and a video is a link to its page.

/**
 * One photo at a time, with previous/next buttons, arrow keys and a live "3 of 7" position, in the
 * page's language (data-gallery-messages). In a right-to-left page the next photo is to the left:
 * the arrows and the keys follow the reading direction.
 */
function enhanceGallery(gallery) {
  const items = [...gallery.querySelectorAll(".gallery__item")];
  const list = gallery.querySelector(".gallery__photos");
  if (items.length < 2 || !list || gallery.classList.contains("gallery--enhanced")) return;
  gallery.classList.add("gallery--enhanced");
  const messages = JSON.parse(gallery.dataset.galleryMessages ?? "{}");
  const rtl = getComputedStyle(gallery).direction === "rtl";
  const numbers = new Intl.NumberFormat(document.documentElement.lang);
  let current = 0;

  const controls = document.createElement("div");
  controls.className = "gallery__controls";
  const button = (label, text, step) => {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "gallery__button";
    element.setAttribute("aria-label", label);
    element.textContent = text;
    element.addEventListener("click", () => show(current + step));
    return element;
  };
  const status = document.createElement("p");
  status.className = "gallery__status";
  status.setAttribute("aria-live", "polite");
  controls.append(button(messages.previous, rtl ? "›" : "‹", -1), status, button(messages.next, rtl ? "‹" : "›", 1));
  list.after(controls);

  // The list takes focus so arrow keys work; its name says how.
  list.tabIndex = 0;
  list.setAttribute("aria-label", messages.keys);

  function show(index) {
    current = (index + items.length) % items.length;
    items.forEach((item, i) => {
      item.hidden = i !== current;
    });
    status.textContent = messages.position.replace("{current}", numbers.format(current + 1)).replace("{total}", numbers.format(items.length));
  }

  gallery.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (event.target instanceof HTMLElement && event.target.closest("input, textarea, select")) return;
    event.preventDefault();
    show(current + ((event.key === "ArrowRight") !== rtl ? 1 : -1));
  });
  show(0);
}

/** A click on a video facade loads the privacy-enhanced player in its place; nothing before. */
function enhanceVideo(link) {
  if (link.dataset.enhanced === "") return;
  link.dataset.enhanced = "";
  link.setAttribute("role", "button");
  link.addEventListener("click", (event) => {
    const player = link.dataset.player;
    if (!player || !/^https:\/\/(www\.youtube-nocookie\.com\/embed|player\.vimeo\.com\/video)\//.test(player)) return;
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = player;
    frame.title = link.dataset.title || "Video";
    frame.className = "embed-video__frame";
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.tabIndex = 0;
    link.replaceWith(frame);
    frame.focus();
  });
  link.addEventListener("keydown", (event) => {
    // A link answers Enter by itself; as a button it answers Space too.
    if (event.key === " ") {
      event.preventDefault();
      link.click();
    }
  });
}

document.querySelectorAll("[data-gallery]").forEach(enhanceGallery);
document.querySelectorAll("a[data-player]").forEach(enhanceVideo);
