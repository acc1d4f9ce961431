import type { DemoCreator } from "../types.ts";

export const trailwithsam: DemoCreator = {
  username: "trailwithsam",
  displayName: "Sam Okafor",
  bio: "Trail notes from the hills: routes, maps, gear lists and the occasional bad campsite.",
  priceCents: 599,
  bundles: [],
  trialDays: 14,
  style: "landscape",
  appeal: 0.4,
  posts: [
    {
      daysAgo: 65,
      visibility: "public",
      photos: 1,
      caption: "the ridge at dawn",
      text: "Trail notes from the hills: routes, maps and the occasional bad campsite.",
    },
    {
      daysAgo: 53,
      visibility: "subscribers",
      photos: 2,
      caption: "three days on the ridge",
      text: "Three days on the ridge: the route, the water stops and the weather that chased us off.",
    },
    {
      daysAgo: 44,
      visibility: "subscribers",
      video: "Summit at sunrise",
      text: "Summit at sunrise. Twenty seconds of silence.",
    },
    {
      daysAgo: 34,
      visibility: "ppv",
      priceCents: 400,
      text: "GPX files for the ridge loop, with my campsite notes.",
      comments: [{ text: "Did the loop last weekend thanks to your notes.", reply: "Glad it helped!" }],
    },
    {
      daysAgo: 21,
      visibility: "public",
      text: "Packing list for an autumn overnighter, under 9 kg with food and water.",
      comments: [{ text: "9 kg with water? Teach me.", reply: "Gear list post coming soon." }],
    },
    {
      daysAgo: 11,
      visibility: "subscribers",
      photos: 2,
      caption: "first snow on the pass",
      text: "First snow on the pass. Microspikes from now on.",
    },
    {
      daysAgo: 3,
      visibility: "public",
      text: "Trip report tomorrow. Short version: worth it.",
    },
  ],
  comments: [
    { text: "Adding this route to my list." },
    { text: "What tent is that?", reply: "A two-person trekking-pole tent." },
    { text: "Those colours at sunrise!" },
  ],
};
