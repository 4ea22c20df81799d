/// The text `broadside new` writes for the editor to replace, in each language it writes.
///
/// One value for both sides: the scaffold writes these lines, and the post check refuses them in
/// a published post, so a change of wording here cannot leave the check looking for old text.
enum ScaffoldText {
    /// Languages `new` has placeholder text in; any other gets English.
    static let languages = ["en", "es"]

    /// `event.location` until the editor writes the place.
    static func location(_ lang: String) -> String {
        spanish(lang) ? "El lugar y su dirección" : "The place and its street address"
    }

    /// `author` of a new perspective.
    static func author(_ lang: String) -> String {
        spanish(lang) ? "Su nombre" : "Your Name"
    }

    /// The comments `new` writes in the front matter, for the editor who reads the post's language.
    enum Comment {
        case author, event, attachment, attachmentLabel, draft
    }

    static func comment(_ comment: Comment, _ lang: String) -> String {
        switch (comment, spanish(lang)) {
        case (.author, false): "The name readers see: \"Perspective by …\"."
        case (.author, true): "El nombre que ven los lectores: «Perspectiva de …»."
        case (.event, false): "Change the start (date, time and UTC offset) and the location; add end: and rsvp_url: if there are any."
        case (.event, true): "Cambie el inicio (fecha, hora y desfase de UTC) y el lugar; añada end: y rsvp_url: si los hay."
        case (.attachment, false): "A file to download: put it beside this index.md, then remove the # in front of these three lines."
        case (.attachment, true): "Un archivo para descargar: póngalo junto a este index.md y quite el # de delante de estas tres líneas."
        case (.attachmentLabel, false): "The full report (PDF)"
        case (.attachmentLabel, true): "El informe completo (PDF)"
        case (.draft, false): "Remove the next line when the post is ready to publish."
        case (.draft, true): "Quite la línea siguiente cuando la publicación esté lista."
        }
    }

    /// What `new page` writes as the page's text.
    static func pageBody(_ lang: String) -> String {
        spanish(lang)
            ? "Escriba aquí el texto de la página: quiénes son, cómo apoyarlos, a quién llamar. Una página no aparece en las listas ni en los canales; se llega a ella por su dirección y por los enlaces."
            : "Write the page's text here: who you are, how to support you, whom to call. A page is in no list or feed; readers reach it by its address and by links."
    }

    /// The body `new` writes for `kind`: paragraphs, each a line of its own.
    static func body(_ kind: Kind, lang: String) -> [String] {
        (spanish(lang) ? spanishBodies : englishBodies)[kind] ?? []
    }

    /// Every line a published post must not keep, for the check: each body line but the ones
    /// an editor may rightly keep (a letter's "Sincerely,"), and the front-matter values.
    static let published: Set<String> = {
        var lines = Set<String>()
        for lang in languages {
            for kind in Kind.allCases { lines.formUnion(body(kind, lang: lang).map(withoutHeadingMark)) }
            lines.insert(location(lang))
            lines.insert(author(lang))
            lines.insert(pageBody(lang))
        }
        return lines.subtracting(["Sincerely,", "Atentamente,", ""])
    }()

    /// The lengths in bytes of `published`, to pass over most lines of a post without making a String of them.
    static let publishedLengths = Set(published.map(\.utf8.count))

    /// `Write the first question here?` from `## Write the first question here?`.
    static func withoutHeadingMark(_ line: String) -> String {
        var text = Substring(line)
        while text.first == "#" { text = text.dropFirst() }
        return text.trimmed
    }

    private static func spanish(_ lang: String) -> Bool {
        lang == "es" || lang.hasPrefix("es-")
    }

    private static let englishBodies: [Kind: [String]] = [
        .dispatch: [
            "Write the news here: what happened, why it matters, and what readers can do about it.",
            "This first paragraph is the post's summary in lists and in the feed, so make it count.",
        ],
        .actionDay: [
            "Say what to do today, how long it takes, and why it matters today. Give the phone number,",
            "the address or the link readers need to act, and end with what comes tomorrow.",
        ],
        .qa: [
            "Say in a sentence or two who these questions come from and who answers them.", "",
            "## Write the first question here?", "",
            "Answer it in plain words, as you would to a neighbour.", "",
            "## Write the next question here?", "",
            "Answer it. Add a heading and an answer for each question.",
        ],
        .perspective: [
            "Write in your own voice: what you saw or lived, what it taught you, and what you ask",
            "of readers. Change the author above to the name that signs the piece.",
        ],
        .report: [
            "Give the main findings in two or three sentences: what was studied, what was found,",
            "and what should change. Then explain each finding under a heading of its own.", "",
            "## First finding", "",
            "The figures and what they mean.",
        ],
        .letter: [
            "Dear …,", "",
            "Say on whose behalf you write, what you ask for, and by when.", "",
            "Sincerely,", "",
            "The names of the people and organisations who sign.",
        ],
        .event: [
            "Say what happens at the event, who it is for, and what to bring. Mention whether there",
            "is interpretation, childcare or a ride, and who to ask about access.",
        ],
    ]

    private static let spanishBodies: [Kind: [String]] = [
        .dispatch: [
            "Escriba aquí la noticia: qué pasó, por qué importa y qué pueden hacer los lectores.",
            "Este primer párrafo es el resumen de la entrada en las listas y en el feed: que cuente.",
        ],
        .actionDay: [
            "Diga qué hacer hoy, cuánto tiempo lleva y por qué importa hoy. Dé el teléfono,",
            "la dirección o el enlace que se necesita para actuar, y termine con lo que viene mañana.",
        ],
        .qa: [
            "Diga en una o dos frases de quién vienen estas preguntas y quién las responde.", "",
            "## ¿Escriba aquí la primera pregunta?", "",
            "Respóndala con palabras sencillas, como lo haría con un vecino.", "",
            "## ¿Escriba aquí la siguiente pregunta?", "",
            "Respóndala. Añada un título y una respuesta para cada pregunta.",
        ],
        .perspective: [
            "Escriba con su propia voz: lo que vio o vivió, lo que le enseñó y lo que pide",
            "a los lectores. Cambie el autor de arriba por el nombre de quien firma el texto.",
        ],
        .report: [
            "Dé los hallazgos principales en dos o tres frases: qué se estudió, qué se encontró",
            "y qué debe cambiar. Luego explique cada hallazgo bajo un título propio.", "",
            "## Primer hallazgo", "",
            "Las cifras y lo que significan.",
        ],
        .letter: [
            "Estimado/a …:", "",
            "Diga en nombre de quién escribe, qué pide y para cuándo.", "",
            "Atentamente,", "",
            "Los nombres de las personas y organizaciones que firman.",
        ],
        .event: [
            "Diga qué pasa en el evento, para quién es y qué traer. Indique si habrá",
            "interpretación, cuidado de niños o transporte, y a quién preguntar por la accesibilidad.",
        ],
    ]
}
