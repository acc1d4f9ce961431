import { defineMessages } from "../define";

// The home page: the feed for people signed in, the landing page for visitors.
export default defineMessages({
  en: {
    "feed.noCreators": "No creators have set up a page yet. Check back soon.",
    "feed.title": "Home",
    "feed.emptyTitle": "Find creators to subscribe to",
    "feed.emptyBody": "Your feed shows posts from creators you subscribe to. Here are a few to start with.",
    "feed.browseAll": "Browse all creators",
    "feed.heroTitle": "Support the creators you love on",
    "feed.heroLead":
      "Subscribe for exclusive posts, unlock special content, watch live streams, message and tip the creators you love. Clear prices, cancel anytime.",
    "feed.discoverTitle": "Creators to discover",
    "feed.caughtUp": "You're all caught up.",
  },
  es: {
    "feed.noCreators": "Ningún creador ha creado su página todavía. Vuelve pronto.",
    "feed.title": "Inicio",
    "feed.emptyTitle": "Encuentra creadores a los que suscribirte",
    "feed.emptyBody":
      "Tu feed muestra publicaciones de los creadores a los que estás suscrito. Aquí tienes algunos para empezar.",
    "feed.browseAll": "Ver todos los creadores",
    "feed.heroTitle": "Apoya a los creadores que te encantan en",
    "feed.heroLead":
      "Suscríbete para ver publicaciones exclusivas, desbloquea contenido especial, mira transmisiones en vivo, escribe y da propinas a los creadores que te encantan. Precios claros, cancela cuando quieras.",
    "feed.discoverTitle": "Creadores por descubrir",
    "feed.caughtUp": "Ya lo viste todo.",
  },
  de: {
    "feed.noCreators": "Noch hat kein Creator eine Seite eingerichtet. Schau bald wieder vorbei.",
    "feed.title": "Start",
    "feed.emptyTitle": "Finde Creator zum Abonnieren",
    "feed.emptyBody":
      "Dein Feed zeigt Beiträge der Creator, die du abonniert hast. Hier ein paar für den Anfang.",
    "feed.browseAll": "Alle Creator ansehen",
    "feed.heroTitle": "Unterstütze die Creator, die du liebst, auf",
    "feed.heroLead":
      "Abonniere exklusive Beiträge, schalte besondere Inhalte frei, schau Livestreams, schreib den Creatorn, die du liebst, und gib Trinkgeld. Klare Preise, jederzeit kündbar.",
    "feed.discoverTitle": "Creator zum Entdecken",
    "feed.caughtUp": "Du bist auf dem neuesten Stand.",
  },
  fr: {
    "feed.noCreators": "Aucun créateur n'a encore créé sa page. Reviens bientôt.",
    "feed.title": "Accueil",
    "feed.emptyTitle": "Trouve des créateurs auxquels t'abonner",
    "feed.emptyBody":
      "Ton fil montre les publications des créateurs auxquels tu es abonné. En voici quelques-uns pour commencer.",
    "feed.browseAll": "Voir tous les créateurs",
    "feed.heroTitle": "Soutiens les créateurs que tu aimes sur",
    "feed.heroLead":
      "Abonne-toi pour des publications exclusives, débloque du contenu spécial, regarde des directs, écris et donne des pourboires aux créateurs que tu aimes. Prix clairs, résiliable à tout moment.",
    "feed.discoverTitle": "Créateurs à découvrir",
    "feed.caughtUp": "Tu es à jour.",
  },
  "pt-BR": {
    "feed.noCreators": "Nenhum criador criou sua página ainda. Volte em breve.",
    "feed.title": "Início",
    "feed.emptyTitle": "Encontre criadores para assinar",
    "feed.emptyBody":
      "Seu feed mostra publicações dos criadores que você assina. Aqui estão alguns para começar.",
    "feed.browseAll": "Ver todos os criadores",
    "feed.heroTitle": "Apoie os criadores que você ama no",
    "feed.heroLead":
      "Assine para ver publicações exclusivas, desbloqueie conteúdo especial, assista a transmissões ao vivo, mande mensagens e gorjetas aos criadores que você ama. Preços claros, cancele quando quiser.",
    "feed.discoverTitle": "Criadores para descobrir",
    "feed.caughtUp": "Você está em dia.",
  },
});
