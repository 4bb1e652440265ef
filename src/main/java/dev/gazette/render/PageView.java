package dev.gazette.render;

import java.util.List;

/**
 * The current page as templates see it ({@code page}).
 *
 * @param url root-relative link with the base path
 * @param canonical the page's absolute URL
 * @param type Open Graph type: "article" on article pages, else "website"
 * @param image absolute URL of the page's image for social previews, or null
 * @param noindex ask search engines not to index the page
 * @param feeds feeds to advertise in the head
 */
public record PageView(String kind, String title, String description, String url, String canonical, String type,
        String image, boolean noindex, List<FeedLink> feeds) {
    public PageView {
        feeds = List.copyOf(feeds);
    }
}
