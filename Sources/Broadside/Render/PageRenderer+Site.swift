/// What every page of the site shares, made once per build: `site` as templates see it in
/// each language (home, feeds, menus, brand, logo and icons), and each home's call to act.
extension PageRenderer {
    /// `site` for each language of the site, with the logo and icons, which are the same in all,
    /// and the search page where the theme has one.
    static func siteContexts(_ site: Site, images: ImageSet, templateNames: Set<String>) -> [String: TemplateMap] {
        var shared = icons(site, images: images)
        if let logo = headerLogo(site, images: images) { shared["logo"] = .map(logo) }
        let searched = Set(SearchPages.languages(site, templateNames: templateNames))
        return Dictionary(uniqueKeysWithValues: site.languages.map { lang in
            var context = siteContext(site, lang: lang)
            if searched.contains(lang) { context["search_url"] = .url(SearchPages.url(lang, in: site)) }
            for (key, value) in zip(shared.keys, shared.values) { context[key] = value }
            return (lang, context)
        })
    }

    /// The site as a page in `lang` sees it: its home page and feed are the language's own
    /// (`/es/`, `/es/feed.xml`) when the site has posts in that language.
    static func siteContext(_ site: Site, lang: String) -> TemplateMap {
        let urls = site.urls
        let home = site.list(.home(lang: lang)) ?? site.list(.home(lang: site.config.language))
        let homeURL = home.map { urls.list($0.folder) } ?? urls.home
        var context: TemplateMap = [
            "title": .text(site.config.title), "language": .text(site.config.language),
            "root": .url(urls.rootPath), "home_url": .url(homeURL), "categories_url": .url(site.termsURL(.categories, lang: lang)),
            "tags_url": .url(site.termsURL(.tags, lang: lang)),
            "kinds_url": .url(urls.list(site.kindsFolder(site.languagesWithKinds.contains(lang) ? lang : site.config.language))),
            "generator": "Broadside",
        ]
        // Absent when the site writes no feeds, so no page links one.
        if let home, let format = home.feeds.first {
            let feedURL = urls.listFeed(home.folder, format)
            context["feed_url"] = .url(feedURL)
            context["feed_absolute_url"] = .url(urls.absolute(feedURL))
        }
        // A language without events of its own leads to the site language's.
        if let events = site.list(.events(lang: lang)) ?? site.list(.events(lang: site.config.language)) {
            context["events_url"] = .url(urls.list(events.folder))
        }
        if site.languagesWithEditions.contains(lang) {
            context["newsletter_url"] = .url(urls.list(Editions.folder(lang: lang, config: site.config)))
        }
        if let css = site.config.brand.css { context["brand_css"] = .text(css) }
        if let footer = site.config.footerText[lang] ?? (lang == site.config.language ? site.config.footerText[""] : nil) {
            context["footer_text"] = .text(footer)
        }
        let menus = site.config.menus, language = site.config.language
        let menu = menus.items(menus.main, lang: lang, siteLanguage: language), footer = menus.items(menus.footer, lang: lang, siteLanguage: language)
        if !menu.isEmpty { context["menu"] = .maps(SiteMenus.context(menu, rootPath: urls.rootPath)) }
        if !footer.isEmpty {
            context["footer_menu"] = .maps(SiteMenus.context(footer, rootPath: urls.rootPath))
            context["has_footer_menu"] = true
        }
        let social = menus.items(menus.social, lang: lang, siteLanguage: language)
        if !social.isEmpty {
            context["social"] = .maps(SiteMenus.context(social, rootPath: urls.rootPath))
            context["has_social"] = true
        }
        if let donate = SiteMenus.context(menus.items(menus.donate, lang: lang, siteLanguage: language), rootPath: urls.rootPath).first {
            context["donate_url"] = donate["url"]
        }
        // Absent, not empty: Mustache's {{#site.description}} holds for "" and gave an empty <meta>.
        if !site.config.description.isEmpty { context["description"] = .text(site.config.description) }
        return context
    }

    /// The organisation's logo (`logo:` in site.yml) as every page's header shows it: its
    /// published size nearest twice the 48 pixels it is drawn at, for sharp screens.
    static func headerLogo(_ site: Site, images: ImageSet) -> TemplateMap? {
        guard let named = site.config.logo, let image = images.images[named.path], let file = image.fallback(near: 96) ?? image.own
        else { return nil }
        return ["url": .url(ImageMarkup.url(file, site.urls)), "width": .number(file.width), "height": .number(file.height)]
    }

    /// The logo as the browser's tab icon and a phone's home-screen icon: its PNG copies (a
    /// narrower logo has none of the larger), or an SVG logo itself, which browsers draw at any size.
    static func icons(_ site: Site, images: ImageSet) -> TemplateMap {
        guard let named = site.config.logo, let image = images.images[named.path] else { return TemplateMap() }
        var icons = TemplateMap()
        if image.format == .svg, let own = image.own {
            icons["icon_url"] = .url(ImageMarkup.url(own, site.urls))
            icons["icon_type"] = "image/svg+xml"
        } else if let tab = image.icons.first {
            icons["icon_url"] = .url(ImageMarkup.url(tab, site.urls))
            icons["icon_type"] = "image/png"
        }
        if let touch = image.icons.first(where: { $0.width == RasterSizes.iconWidths.last }) {
            icons["touch_icon_url"] = .url(ImageMarkup.url(touch, site.urls))
        }
        return icons
    }

    /// A campaign's front page asks readers to act: each home shows the newest action block
    /// (```action) among its posts, so the editor who writes today's call puts it on the front page too.
    static func homeActions(_ site: Site, blocks: BlockRenderer, words: [String: TemplateMap]) -> [String: TemplateMap] {
        var actions: [String: TemplateMap] = [:]
        for list in site.lists {
            guard case .home = list.scope, let t = words[list.lang] else { continue }
            for index in list.posts {
                guard let block = site.posts[index].blocks.first(where: { if case .action = $0.fields { true } else { false } }) else { continue }
                actions[list.lang] = blocks.context(of: block, lang: site.posts[index].lang, t: t)
                break
            }
        }
        return actions
    }
}
