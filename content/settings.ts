import type { SettingsInput } from "../src/content/schema.ts";

export default {
  name: "The Lakeshore Ledger",
  tagline: "Independent news for Port Alder and the north shore",
  baseUrl: "https://ledger.example.org/",
  language: "en-US",
  timeZone: "America/Chicago",
  sections: [
    { slug: "news", title: "News" },
    { slug: "business", title: "Business" },
    { slug: "environment", title: "Environment" },
    { slug: "culture", title: "Culture" },
    { slug: "sports", title: "Sports" },
  ],
  // The Buttondown preset posts to buttondown.com/api/emails/embed-subscribe/<username> (docs/newsletter.md).
  newsletter: {
    provider: "buttondown",
    username: "lakeshore-ledger",
    heading: "Sign up for daily headlines",
    description: "The north shore's most important stories, in your inbox at 6 a.m.",
    buttonLabel: "Sign up",
    doubleOptIn: "We'll email you a link to confirm: check your inbox.",
    privacy: "We use your address only to send the newsletter. Unsubscribe with one click.",
  },
  support: {
    heading: "Support our journalism",
    text: "The Ledger is reader-funded and free to read. Members keep it that way.",
    url: "https://members.ledger.example.org/join",
    label: "Become a member",
  },
  social: { x: "lakeshoreledger", mastodon: "ledger@newsroom.example" },
  // Made by scripts/make-logo.ts: the publisher logo in structured data and the fallback link-preview image.
  logo: "logo.png",
  copyright: "Lakeshore Ledger Cooperative",
} satisfies SettingsInput;
