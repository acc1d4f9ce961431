import { defineMessages } from "../define";

// Subscribing to a creator: plans, the payment summary, renewal.
export default defineMessages({
  en: {
    "subscribe.checkoutLabel": "Subscription to {name} (@{username}) · {months}",
    "subscribe.every": { one: "every month", other: "every {count} months" },
    "subscribe.subscribing": "Subscribing…",
    "subscribe.subscribeFree": "Subscribe for free",
    "subscribe.startTrial": "Start {days}-day free trial",
    "subscribe.payByCard": "Pay {price} by card",
    "subscribe.pay": "Pay {price}",
    "subscribe.title": "Subscribe to {name}",
    "subscribe.length": "Length",
    "subscribe.perMonth": "{price} / month",
    "subscribe.save": "save {pct} %",
    "subscribe.nothing": "Nothing.",
    "subscribe.freeBody": "Subscribing to @{username} is free; you won't be charged.",
    "subscribe.nowFor": "now for {months}",
    "subscribe.saveParen": "(save {pct} %)",
    "subscribe.trialToday": "today: a {days}-day free trial",
    "subscribe.youGetBody":
      "Every subscribers-only post of @{username}, old and new, for {period}. Pay-per-view posts are sold separately.",
    "subscribe.youGetFree":
      "Every subscribers-only post of @{username}, old and new, for as long as you stay subscribed. Pay-per-view posts are sold separately.",
    "subscribe.renewal": "Renewal",
    "subscribe.renewalCard":
      "{price} {every} until you cancel. Cancel anytime under Subscriptions; access lasts to the end of the period.",
    "subscribe.renewalWallet":
      "{price} {every} until you cancel, from your wallet balance. Cancel anytime under Subscriptions; access lasts to the end of the period.",
    "subscribe.renewalTrial":
      "After the trial, {price} {every} until you cancel, from your wallet balance. Cancel anytime under Subscriptions; access lasts to the end of the period.",
  },
  es: {
    "subscribe.checkoutLabel": "Suscripción a {name} (@{username}) · {months}",
    "subscribe.every": { one: "cada mes", other: "cada {count} meses" },
    "subscribe.subscribing": "Suscribiendo…",
    "subscribe.subscribeFree": "Suscribirse gratis",
    "subscribe.startTrial": "Empezar prueba gratis de {days} días",
    "subscribe.payByCard": "Pagar {price} con tarjeta",
    "subscribe.pay": "Pagar {price}",
    "subscribe.title": "Suscribirse a {name}",
    "subscribe.length": "Duración",
    "subscribe.perMonth": "{price} / mes",
    "subscribe.save": "ahorra {pct} %",
    "subscribe.nothing": "Nada.",
    "subscribe.freeBody": "Suscribirte a @{username} es gratis; no se te cobrará.",
    "subscribe.nowFor": "ahora por {months}",
    "subscribe.saveParen": "(ahorras {pct} %)",
    "subscribe.trialToday": "hoy: prueba gratis de {days} días",
    "subscribe.youGetBody":
      "Todas las publicaciones para suscriptores de @{username}, antiguas y nuevas, durante {period}. Las publicaciones de pago por ver se venden aparte.",
    "subscribe.youGetFree":
      "Todas las publicaciones para suscriptores de @{username}, antiguas y nuevas, mientras sigas suscrito. Las publicaciones de pago por ver se venden aparte.",
    "subscribe.renewal": "Renovación",
    "subscribe.renewalCard":
      "{price} {every} hasta que canceles. Cancela cuando quieras en Suscripciones; el acceso dura hasta el final del periodo.",
    "subscribe.renewalWallet":
      "{price} {every} hasta que canceles, del saldo de tu monedero. Cancela cuando quieras en Suscripciones; el acceso dura hasta el final del periodo.",
    "subscribe.renewalTrial":
      "Después de la prueba, {price} {every} hasta que canceles, del saldo de tu monedero. Cancela cuando quieras en Suscripciones; el acceso dura hasta el final del periodo.",
  },
  de: {
    "subscribe.checkoutLabel": "Abo bei {name} (@{username}) · {months}",
    "subscribe.every": { one: "jeden Monat", other: "alle {count} Monate" },
    "subscribe.subscribing": "Wird abonniert…",
    "subscribe.subscribeFree": "Kostenlos abonnieren",
    "subscribe.startTrial": "{days} Tage kostenlos testen",
    "subscribe.payByCard": "{price} mit Karte zahlen",
    "subscribe.pay": "{price} zahlen",
    "subscribe.title": "{name} abonnieren",
    "subscribe.length": "Laufzeit",
    "subscribe.perMonth": "{price} / Monat",
    "subscribe.save": "spare {pct} %",
    "subscribe.nothing": "Nichts.",
    "subscribe.freeBody": "Das Abo bei @{username} ist kostenlos; dir wird nichts berechnet.",
    "subscribe.nowFor": "jetzt für {months}",
    "subscribe.saveParen": "(du sparst {pct} %)",
    "subscribe.trialToday": "heute: {days} Tage kostenlos testen",
    "subscribe.youGetBody":
      "Alle Beiträge von @{username} nur für Abonnenten, alte und neue, für {period}. Pay-per-View-Beiträge werden extra verkauft.",
    "subscribe.youGetFree":
      "Alle Beiträge von @{username} nur für Abonnenten, alte und neue, solange du abonniert bleibst. Pay-per-View-Beiträge werden extra verkauft.",
    "subscribe.renewal": "Verlängerung",
    "subscribe.renewalCard":
      "{price} {every}, bis du kündigst. Kündige jederzeit unter Abos; der Zugang bleibt bis zum Ende des Zeitraums.",
    "subscribe.renewalWallet":
      "{price} {every}, bis du kündigst, aus deinem Wallet-Guthaben. Kündige jederzeit unter Abos; der Zugang bleibt bis zum Ende des Zeitraums.",
    "subscribe.renewalTrial":
      "Nach dem Test {price} {every}, bis du kündigst, aus deinem Wallet-Guthaben. Kündige jederzeit unter Abos; der Zugang bleibt bis zum Ende des Zeitraums.",
  },
  fr: {
    "subscribe.checkoutLabel": "Abonnement à {name} (@{username}) · {months}",
    "subscribe.every": { one: "chaque mois", other: "tous les {count} mois" },
    "subscribe.subscribing": "Abonnement…",
    "subscribe.subscribeFree": "S'abonner gratuitement",
    "subscribe.startTrial": "Commencer l'essai gratuit de {days} jours",
    "subscribe.payByCard": "Payer {price} par carte",
    "subscribe.pay": "Payer {price}",
    "subscribe.title": "S'abonner à {name}",
    "subscribe.length": "Durée",
    "subscribe.perMonth": "{price} / mois",
    "subscribe.save": "économise {pct} %",
    "subscribe.nothing": "Rien.",
    "subscribe.freeBody": "L'abonnement à @{username} est gratuit ; rien ne te sera facturé.",
    "subscribe.nowFor": "maintenant pour {months}",
    "subscribe.saveParen": "(tu économises {pct} %)",
    "subscribe.trialToday": "aujourd'hui : un essai gratuit de {days} jours",
    "subscribe.youGetBody":
      "Toutes les publications réservées aux abonnés de @{username}, anciennes et nouvelles, pendant {period}. Les publications à la vue sont vendues à part.",
    "subscribe.youGetFree":
      "Toutes les publications réservées aux abonnés de @{username}, anciennes et nouvelles, tant que tu restes abonné. Les publications à la vue sont vendues à part.",
    "subscribe.renewal": "Renouvellement",
    "subscribe.renewalCard":
      "{price} {every} jusqu'à ta résiliation. Résilie quand tu veux dans Abonnements ; l'accès dure jusqu'à la fin de la période.",
    "subscribe.renewalWallet":
      "{price} {every} jusqu'à ta résiliation, depuis le solde de ton portefeuille. Résilie quand tu veux dans Abonnements ; l'accès dure jusqu'à la fin de la période.",
    "subscribe.renewalTrial":
      "Après l'essai, {price} {every} jusqu'à ta résiliation, depuis le solde de ton portefeuille. Résilie quand tu veux dans Abonnements ; l'accès dure jusqu'à la fin de la période.",
  },
  "pt-BR": {
    "subscribe.checkoutLabel": "Assinatura de {name} (@{username}) · {months}",
    "subscribe.every": { one: "todo mês", other: "a cada {count} meses" },
    "subscribe.subscribing": "Assinando…",
    "subscribe.subscribeFree": "Assinar grátis",
    "subscribe.startTrial": "Começar teste grátis de {days} dias",
    "subscribe.payByCard": "Pagar {price} com cartão",
    "subscribe.pay": "Pagar {price}",
    "subscribe.title": "Assinar {name}",
    "subscribe.length": "Duração",
    "subscribe.perMonth": "{price} / mês",
    "subscribe.save": "economize {pct} %",
    "subscribe.nothing": "Nada.",
    "subscribe.freeBody": "Assinar @{username} é grátis; você não será cobrado.",
    "subscribe.nowFor": "agora por {months}",
    "subscribe.saveParen": "(economia de {pct} %)",
    "subscribe.trialToday": "hoje: teste grátis de {days} dias",
    "subscribe.youGetBody":
      "Todas as publicações para assinantes de @{username}, antigas e novas, por {period}. Publicações pague para ver são vendidas à parte.",
    "subscribe.youGetFree":
      "Todas as publicações para assinantes de @{username}, antigas e novas, enquanto você continuar assinando. Publicações pague para ver são vendidas à parte.",
    "subscribe.renewal": "Renovação",
    "subscribe.renewalCard":
      "{price} {every} até você cancelar. Cancele quando quiser em Assinaturas; o acesso dura até o fim do período.",
    "subscribe.renewalWallet":
      "{price} {every} até você cancelar, do saldo da sua carteira. Cancele quando quiser em Assinaturas; o acesso dura até o fim do período.",
    "subscribe.renewalTrial":
      "Depois do teste, {price} {every} até você cancelar, do saldo da sua carteira. Cancele quando quiser em Assinaturas; o acesso dura até o fim do período.",
  },
});
