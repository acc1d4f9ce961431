import type { DemoCreator } from "../types.ts";

export const lofiJune: DemoCreator = {
  username: "lofi_june",
  displayName: "June",
  bio: "Free lo-fi beats and sketches. If a loop helps you study, a tip keeps the lights on.",
  priceCents: 0,
  bundles: [],
  trialDays: 0,
  style: "music",
  appeal: 0.7,
  posts: [
    {
      daysAgo: 69,
      visibility: "public",
      text: "Welcome! Everything here is free. If a beat helps you study, a tip keeps the lights on.",
    },
    {
      daysAgo: 60,
      visibility: "public",
      video: "rainy window · 86 bpm",
      text: "rainy window, 86 bpm. Loop it while you work.",
    },
    {
      daysAgo: 54,
      visibility: "public",
      photos: 1,
      caption: "desk, finally tidy",
      text: "New desk setup. Finally fixed the cable mess.",
    },
    {
      daysAgo: 45,
      visibility: "ppv",
      priceCents: 300,
      text: "Stems for 'rainy window': drums, keys and vinyl crackle on separate tracks.",
    },
    {
      daysAgo: 36,
      visibility: "public",
      text: "Taking requests: what should the next loop sound like?",
      comments: [{ text: "Something with a cello next?", reply: "Cello noted!" }],
    },
    {
      daysAgo: 27,
      visibility: "subscribers",
      text: "Sketch: a half-finished beat I can't decide on. Should I finish it?",
      comments: [{ text: "Finish it, please!", reply: "Okay, okay, finishing it this week." }],
    },
    {
      daysAgo: 13,
      visibility: "ppv",
      priceCents: 500,
      photos: 1,
      caption: "sample pack vol. 2",
      text: "Sample pack vol. 2: 24 dusty chords and textures, royalty free.",
    },
    {
      daysAgo: 4,
      visibility: "public",
      photos: 2,
      caption: "tape no. 3 cover drafts",
      text: "Sunset session on the balcony, and cover art drafts for the next tape.",
    },
  ],
  comments: [
    { text: "This got me through my exams.", reply: "Good luck with the exams!" },
    { text: "Rain sounds + this = perfect." },
    { text: "On repeat all afternoon.", reply: "You're the best, thank you." },
  ],
};
