"""Words that mention a social post in prose, per language: the data of ``mentions``.

:mod:`tweetresolve.mentions` builds its patterns from these tables and knows no words
of its own, so a new language is one more :class:`MentionGrammar` in :data:`GRAMMARS`.
Entries are plain words or phrases (spaces match any run of white space); they are
matched case-insensitively, whole words only.  Platform *names* are the exception:
``X`` and ``Threads`` must be capitalised, since ``x`` and ``threads`` are common words.

What counts as a mention: a reporting verb with the platform (``wrote on X``,
``schrieb auf Instagram``), a verb that is itself the platform (``tweeted``,
``tuiteó``), or a noun for a post (``in a tweet``, ``in einem Instagram-Post``).
Share buttons and navigation (``Share on Twitter``, ``Follow us on X``, ``Tweet``,
``Teilen``) use imperatives and infinitives, which no table lists.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = ["GRAMMARS", "NAV_WORDS", "PLATFORM_NAMES", "MentionGrammar"]

#: Platform names as written in prose -> platform.  Case-insensitive unless listed in
#: :data:`CASE_SENSITIVE_NAMES`.
PLATFORM_NAMES: Mapping[str, str] = {
    "twitter": "twitter",
    "x": "twitter",
    "instagram": "instagram",
    "insta": "instagram",
    "facebook": "facebook",
    "bluesky": "bluesky",
    "threads": "threads",
    "tiktok": "tiktok",
    "mastodon": "mastodon",
    "linkedin": "linkedin",
    "truth social": "truthsocial",
}

#: Names that are ordinary words in lower case.
CASE_SENSITIVE_NAMES = ("X", "Threads")

#: Words naming a post that imply their platform (``tweet`` is a Twitter post).
IMPLIED_PLATFORM: Mapping[str, str] = {
    "tweet": "twitter",
    "twitt": "twitter",
    "tuit": "twitter",
    "trino": "twitter",
    "skeet": "bluesky",
    "toot": "mastodon",
}

#: Imperatives and labels of share buttons and navigation: a noun phrase right after
#: one of these ("Share this tweet", "View this post on Instagram") is not a mention.
NAV_WORDS = frozenset(
    {
        "share",
        "follow",
        "like",
        "view",
        "see",
        "open",
        "embed",
        "copy",
        "report",
        "read",
        "watch",
        "teilen",
        "folgen",
        "folge",
        "ansehen",
        "sieh",
        "compartir",
        "comparte",
        "síguenos",
        "sigue",
        "seguir",
        "ver",
        "partager",
        "partagez",
        "suivez",
        "suivre",
        "voir",
    }
)


def _phrases(text: str) -> tuple[str, ...]:
    """Split a ``|``-separated list: ``"wrote | said"`` -> ``("wrote", "said")``."""
    return tuple(p.strip() for p in text.split("|") if p.strip())


@attrs.frozen
class MentionGrammar:
    """The words of one language (see the module docstring for what each is for)."""

    #: Reporting verbs, finite or participle: ``wrote``, ``schrieb``, ``publicó``.
    verbs: tuple[str, ...]
    #: Prepositions before a platform after such a verb: ``on``, ``auf``, ``en``, ``sur``.
    preps: tuple[str, ...]
    #: Optional words between the preposition and the platform: ``his official``,
    #: ``su cuenta de``, ``son compte``.
    holders: tuple[str, ...]
    #: Words that may follow the platform: ``account``, ``-Account``.
    suffixes: tuple[str, ...]
    #: Verb forms that alone say a post was made: ``tweeted``, ``twitterte``, ``a tweeté``.
    standalone: tuple[str, ...]
    #: Nouns for a post whose platform is implied: ``tweet``, ``tuit``.
    post_nouns: tuple[str, ...]
    #: Nouns for a post that need a platform next to them: ``post``, ``Beitrag``.
    generic_nouns: tuple[str, ...]
    #: Prepositions that introduce a post noun: ``in``, ``per``, ``dans``.
    noun_preps: tuple[str, ...]
    #: Determiners before a post noun: ``a``, ``einem``, ``su``, ``un``.
    determiners: tuple[str, ...]
    #: Adjectives allowed between determiner and noun: ``recent``, ``neuen``.
    adjectives: tuple[str, ...]
    #: Prepositions that tie a generic noun to a platform after it: ``post on X``.
    after_noun: tuple[str, ...]
    #: Fixed phrases that take a platform right after them: ``took to``.
    idioms: tuple[str, ...] = ()
    #: Whether the platform may come first, the verb after it (German ``auf X schrieb er``).
    platform_first: bool = False


_EN = MentionGrammar(
    verbs=_phrases(
        "wrote | writes | writing | said | says | posted | posting | tweeted | retweeted | "
        "shared | sharing | announced | "
        "added | declared | stated | replied | responded | commented | claimed | revealed | "
        "noted | argued | joked | complained | published | confirmed | warned | explained | "
        "quipped | insisted | praised | criticized | criticised | slammed | thanked | "
        "defended | apologized | apologised | urged | told | asked | reacted | mocked | "
        "boasted | admitted | suggested | vowed | acknowledged | alleged | fired back | "
        "lashed out | weighed in | chimed in | has written | has posted | has said | had "
        "written | had posted | had said"
    ),
    preps=_phrases("on | to | via | through"),
    holders=_phrases(
        "his | her | their | its | the | a | an | my | our | your | his official | her "
        "official | their official | its official | the official | his personal | her "
        "personal | his verified | her verified"
    ),
    suffixes=_phrases("account | page | feed | profile | handle | story | stories | channel"),
    standalone=_phrases("tweeted | retweeted | tweeting | live-tweeted | skeeted"),
    post_nouns=_phrases("tweet | tweets | retweet | skeet | skeets | toot | toots"),
    generic_nouns=_phrases(
        "post | posts | message | messages | video | videos | story | stories | reel | reels "
        "| thread | update | statement | photo | picture"
    ),
    noun_preps=_phrases("in | via | through | with"),
    determiners=_phrases(
        "a | an | the | his | her | their | its | one | another | this | two | three | "
        "several | multiple | a series of | a string of | a pair of | a thread of | a flurry "
        "of | a barrage of"
    ),
    adjectives=_phrases(
        "new | recent | short | brief | later | deleted | since-deleted | now-deleted | viral "
        "| lengthy | long | separate | follow-up | subsequent | pinned | first | second | "
        "latest | late-night | cryptic | angry | furious"
    ),
    after_noun=_phrases("on | to"),
    idioms=_phrases("took to | takes to | taking to | take to | went on"),
)

_DE = MentionGrammar(
    verbs=_phrases(
        "schrieb | schreibt | postete | postet | teilte | teilt | twitterte | twittert | "
        "erklärte | erklärt | sagte | sagt | kommentierte | kommentiert | reagierte | "
        "reagiert | verkündete | verkündet | kündigte | veröffentlichte | veröffentlicht | "
        "meldete | meldet | betonte | betont | kritisierte | kritisiert | fragte | fragt | "
        "antwortete | antwortet | warnte | warnt | bedankte | bedankt | spottete | lobte | "
        "forderte | fordert | geschrieben | gepostet | getwittert | geteilt | veröffentlicht "
        "| erklärt | verkündet | hieß es | heißt es | ließ wissen | wetterte | "
        # Separable verbs at the end of a subordinate clause: "wie die Polizei auf X
        # mitteilte" (the main clause splits them: "teilte auf X mit", read by "teilte").
        "mitteilte | mitteilten | mitgeteilt | bekanntgab | bekanntgegeben | ankündigte | "
        "angekündigt"
    ),
    preps=_phrases("auf | bei | via | über"),
    holders=_phrases(
        "seinem | ihrem | dem | der | seinem offiziellen | ihrem offiziellen | dem "
        "Kurznachrichtendienst | der Plattform | dem Onlinedienst | dem sozialen Netzwerk | "
        "seinem Account bei | ihrem Account bei | seinem Kanal auf | ihrem Kanal auf | seinem "
        "Profil auf | ihrem Profil auf"
    ),
    suffixes=_phrases("-Account | -Kanal | -Profil | -Seite | -Story | -Konto | Account"),
    standalone=_phrases(
        "twitterte | twitterten | getwittert | tweetete | tweeteten | getweetet | retweetete "
        "| retweetet"
    ),
    post_nouns=_phrases("Tweet | Tweets | Retweet"),
    generic_nouns=_phrases(
        "Post | Posts | Posting | Beitrag | Beiträgen | Beiträge | Nachricht | Nachrichten | "
        "Video | Videos | Story | Eintrag | Statement | Foto"
    ),
    noun_preps=_phrases("in | im | per | via | mit | über"),
    determiners=_phrases(
        "einem | einer | einen | eine | ein | seinem | seiner | seinen | ihrem | ihrer | "
        "ihren | dem | der | den | diesem | dieser | mehreren | zwei | drei | weiteren | "
        "weiteres"
    ),
    adjectives=_phrases(
        "neuen | neuesten | aktuellen | kurzen | langen | inzwischen gelöschten | gelöschten "
        "| späteren | weiteren | ersten | zweiten | viralen"
    ),
    after_noun=_phrases("auf | bei | in"),
    platform_first=True,
)

_ES = MentionGrammar(
    verbs=_phrases(
        "escribió | escribe | publicó | publica | dijo | dice | tuiteó | tuitea | compartió | "
        "comparte | afirmó | afirma | señaló | señala | anunció | anuncia | expresó | aseguró "
        "| asegura | declaró | comentó | criticó | respondió | responde | indicó | agregó | "
        "añadió | posteó | subió | reaccionó | denunció | advirtió | explicó | lamentó | "
        "celebró | agradeció | ha escrito | ha publicado | ha dicho | ha compartido | había "
        "escrito | había publicado"
    ),
    preps=_phrases("en | a través de | vía | mediante | a"),
    holders=_phrases(
        "su cuenta de | su cuenta en | su cuenta oficial de | su cuenta oficial en | su "
        "perfil de | su perfil en | su perfil oficial de | su canal de | la red social | su | "
        "la plataforma"
    ),
    suffixes=_phrases(""),
    standalone=_phrases(
        "tuiteó | tuitearon | tuiteaba | tuiteado | retuiteó | retuiteado | trinó | twitteó"
    ),
    post_nouns=_phrases("tuit | tuits | tweet | tweets | trino | trinos | retuit"),
    generic_nouns=_phrases(
        "publicación | publicaciones | mensaje | mensajes | post | posteo | video | vídeo | "
        "historia | historias | comunicado | foto"
    ),
    noun_preps=_phrases("en | con | mediante | a través de | vía"),
    determiners=_phrases(
        "un | una | su | sus | el | la | los | las | otro | otra | varios | varias | dos | "
        "tres | este | esta | ese | esa | una serie de"
    ),
    adjectives=_phrases("nuevo | nueva | breve | reciente | largo | extenso | polémico"),
    after_noun=_phrases("en | de | publicado en | publicada en | compartido en | compartida en"),
)

_FR = MentionGrammar(
    verbs=_phrases(
        "a écrit | écrit | a publié | publie | a déclaré | déclare | a tweeté | a twitté | a "
        "partagé | a posté | poste | a annoncé | annonce | a réagi | réagit | a commenté | a "
        "affirmé | affirme | a dénoncé | dénonce | a indiqué | indique | a répondu | répond | "
        "a ajouté | a fustigé | a salué | a lancé | a expliqué | explique | a assuré | assure "
        "| a estimé | estime | a-t-il écrit | a-t-elle écrit | a-t-il déclaré | a-t-elle "
        "déclaré | a-t-il publié | a-t-elle publié | a-t-il ajouté | a-t-elle ajouté | a-t-il "
        "tweeté | a-t-elle tweeté | ont écrit | ont publié | avait écrit | avait publié"
    ),
    preps=_phrases("sur | via"),
    holders=_phrases(
        "son compte | son compte officiel | sa page | son profil | son fil | le réseau social "
        "| la plateforme | leur compte | leurs comptes"
    ),
    suffixes=_phrases(""),
    standalone=_phrases(
        "a tweeté | ont tweeté | avait tweeté | a twitté | ont twitté | a retweeté | tweetait "
        "| tweetant | a-t-il tweeté | a-t-elle tweeté"
    ),
    post_nouns=_phrases("tweet | tweets | retweet"),
    generic_nouns=_phrases(
        "message | messages | publication | publications | post | posts | vidéo | story | "
        "stories | billet | communiqué | photo"
    ),
    noun_preps=_phrases("dans | par | via | avec"),
    determiners=_phrases(
        "un | une | son | sa | ses | le | la | les | ce | cette | ces | plusieurs | deux | "
        "trois | leur | une série de"
    ),
    adjectives=_phrases("nouveau | nouvelle | long | bref | court | récent | récente"),
    after_noun=_phrases("sur | publié sur | publiée sur | posté sur | postée sur | partagé sur"),
)

#: Every language :func:`tweetresolve.mentions.find_mentions` reads.
GRAMMARS: Mapping[str, MentionGrammar] = {"en": _EN, "de": _DE, "es": _ES, "fr": _FR}
