import { defineMessages } from "../define";

// Referrals: a creator's sign-up link and what it earned; the admin's share setting.
export default defineMessages({
  en: {
    "referrals.title": "Referrals",
    "referrals.intro":
      "Share your link. When someone who signs up through it becomes a creator, you earn {percent} % of the site's fee on their sales for {months} months.",
    "referrals.link": "Your referral link",
    "referrals.copy": "Copy link",
    "referrals.copied": "Referral link copied",
    "referrals.people": "People referred",
    "referrals.creators": "Became creators",
    "referrals.earned": "Earned from referrals",
    "referrals.admin.share": "Referral share (% of the platform fee)",
    "referrals.admin.hint":
      "What a referrer earns of the fee on a referred creator's sales in their first 12 months.",
    "referrals.admin.error": "Enter a percentage from 0 to 100 with at most two decimals.",
  },
  es: {
    "referrals.title": "Referidos",
    "referrals.intro":
      "Comparte tu enlace. Cuando alguien que se registre con él se convierta en creador, ganarás el {percent} % de la comisión del sitio sobre sus ventas durante {months} meses.",
    "referrals.link": "Tu enlace de referido",
    "referrals.copy": "Copiar enlace",
    "referrals.copied": "Enlace de referido copiado",
    "referrals.people": "Personas referidas",
    "referrals.creators": "Se hicieron creadores",
    "referrals.earned": "Ganado con referidos",
    "referrals.admin.share": "Parte del referido (% de la comisión de la plataforma)",
    "referrals.admin.hint":
      "Lo que gana quien refiere de la comisión sobre las ventas de un creador referido en sus primeros 12 meses.",
    "referrals.admin.error": "Introduce un porcentaje de 0 a 100 con dos decimales como máximo.",
  },
  de: {
    "referrals.title": "Empfehlungen",
    "referrals.intro":
      "Teile deinen Link. Wenn jemand, der sich darüber registriert, Creator wird, bekommst du {months} Monate lang {percent} % der Gebühr der Seite auf seine Verkäufe.",
    "referrals.link": "Dein Empfehlungslink",
    "referrals.copy": "Link kopieren",
    "referrals.copied": "Empfehlungslink kopiert",
    "referrals.people": "Geworbene Personen",
    "referrals.creators": "Davon Creator geworden",
    "referrals.earned": "Mit Empfehlungen verdient",
    "referrals.admin.share": "Empfehlungsanteil (% der Plattformgebühr)",
    "referrals.admin.hint":
      "Was Werbende von der Gebühr auf die Verkäufe eines geworbenen Creators in dessen ersten 12 Monaten bekommen.",
    "referrals.admin.error": "Gib einen Prozentsatz von 0 bis 100 mit höchstens zwei Nachkommastellen ein.",
  },
  fr: {
    "referrals.title": "Parrainages",
    "referrals.intro":
      "Partagez votre lien. Quand une personne inscrite grâce à lui devient créatrice, vous touchez {percent} % des frais du site sur ses ventes pendant {months} mois.",
    "referrals.link": "Votre lien de parrainage",
    "referrals.copy": "Copier le lien",
    "referrals.copied": "Lien de parrainage copié",
    "referrals.people": "Personnes parrainées",
    "referrals.creators": "Devenues créatrices",
    "referrals.earned": "Gagné grâce aux parrainages",
    "referrals.admin.share": "Part du parrain (% des frais de la plateforme)",
    "referrals.admin.hint":
      "Ce que touche le parrain sur les frais des ventes d'un créateur parrainé pendant ses 12 premiers mois.",
    "referrals.admin.error": "Saisissez un pourcentage de 0 à 100 avec au plus deux décimales.",
  },
  "pt-BR": {
    "referrals.title": "Indicações",
    "referrals.intro":
      "Compartilhe seu link. Quando alguém que se cadastrar por ele virar criador, você ganha {percent} % da taxa do site sobre as vendas dessa pessoa por {months} meses.",
    "referrals.link": "Seu link de indicação",
    "referrals.copy": "Copiar link",
    "referrals.copied": "Link de indicação copiado",
    "referrals.people": "Pessoas indicadas",
    "referrals.creators": "Viraram criadores",
    "referrals.earned": "Ganho com indicações",
    "referrals.admin.share": "Parte da indicação (% da taxa da plataforma)",
    "referrals.admin.hint":
      "O que quem indicou ganha da taxa sobre as vendas de um criador indicado nos primeiros 12 meses dele.",
    "referrals.admin.error": "Digite uma porcentagem de 0 a 100 com no máximo duas casas decimais.",
  },
});
