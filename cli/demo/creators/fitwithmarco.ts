import type { DemoCreator } from "../types.ts";

export const fitwithmarco: DemoCreator = {
  username: "fitwithmarco",
  displayName: "Marco Ruiz",
  bio: "Strength coach. Daily workouts, meal plans and form checks; ask me anything in the comments.",
  priceCents: 1299,
  bundles: [{ months: 6, discountPercent: 15 }],
  trialDays: 0,
  style: "gym",
  appeal: 0.4,
  posts: [
    {
      daysAgo: 70,
      visibility: "public",
      photos: 1,
      caption: "4-week beginner plan",
      text: "New here? Start with the 4-week beginner plan. No gym needed, just a mat and twenty minutes.",
    },
    {
      daysAgo: 64,
      visibility: "subscribers",
      text: "Week 1, day 1: full-body circuit. Three rounds, 40 seconds on, 20 off. Squats, push-ups, rows, plank.",
    },
    {
      daysAgo: 58,
      visibility: "subscribers",
      video: "Form check: hip hinge",
      text: "Form check: the hip hinge, slowed down. Watch the back stay flat.",
      comments: [{ text: "The form check finally fixed my deadlift." }],
    },
    {
      daysAgo: 52,
      visibility: "ppv",
      priceCents: 999,
      photos: 2,
      caption: "12-week meal plan",
      style: "plate",
      text: "12-week meal plan: grocery lists, macros and 40 recipes under 20 minutes.",
    },
    {
      daysAgo: 40,
      visibility: "public",
      text: "Rest days are training days. Sleep, walk, eat protein. That's the post.",
    },
    {
      daysAgo: 31,
      visibility: "subscribers",
      photos: 2,
      caption: "6-week check-in",
      text: "Progress check-in from the group: six weeks in, the numbers and the smiles.",
    },
    {
      daysAgo: 19,
      visibility: "ppv",
      priceCents: 1499,
      text: "Strength block: 8 weeks, 4 days a week, every set and rep written out.",
    },
    {
      daysAgo: 9,
      visibility: "subscribers",
      video: "Core finisher",
      text: "Core finisher, five minutes. Do it after any session.",
    },
    {
      daysAgo: 3,
      visibility: "public",
      text: "Sunday question: what's the one exercise you hate? Mine is burpees.",
      comments: [{ text: "Burpees, no contest.", reply: "Same. We do them anyway." }],
    },
  ],
  comments: [
    { text: "Did this today, my legs are gone.", reply: "That's the spirit. Stretch tonight!" },
    { text: "Can I do the circuit twice a day?", reply: "Once a day is plenty; recovery matters." },
    { text: "Down 4 kg since I started the plan!", reply: "Proud of you!" },
  ],
};
