<?php
/**
 * The four blocks. Each saves its element with the element's own light DOM as static HTML (headings,
 * text, links, lists), so a post reads right in feeds, in the REST API and with the plugin switched off.
 * The editor script is plain JavaScript on WordPress's `wp.*` globals; nothing is built on the server.
 *
 * @package GentleWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * This site's posts as the REST API lists them, as a path on this site, for the “Related stories” block.
 *
 * @return string
 */
function gentle_widgets_site_posts_feed() {
	$parts = wp_parse_url( rest_url( 'wp/v2/posts' ) );
	$path  = ( isset( $parts['path'] ) ? $parts['path'] : '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
	return add_query_arg(
		array(
			// `%3A`, not `:`: for authors and contributors kses takes what stands before the first colon of
			// a URL for its protocol, and would store `src="featuredmedia"`.
			'_embed'   => 'wp%3Afeaturedmedia',
			'per_page' => 4,
		),
		$path
	);
}

/**
 * Registers the editor script and style, then the blocks from their block.json files.
 */
function gentle_widgets_register_blocks() {
	wp_register_script(
		'gentle-widgets-editor',
		plugins_url( 'blocks/editor.js', GENTLE_WIDGETS_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		GENTLE_WIDGETS_VERSION,
		true
	);
	wp_register_style(
		'gentle-widgets-editor',
		plugins_url( 'blocks/editor.css', GENTLE_WIDGETS_FILE ),
		array(),
		GENTLE_WIDGETS_VERSION
	);
	wp_set_script_translations( 'gentle-widgets-editor', 'gentle-widgets', GENTLE_WIDGETS_DIR . 'languages' );

	foreach ( array_keys( gentle_widgets_elements() ) as $tag ) {
		register_block_type( GENTLE_WIDGETS_DIR . 'blocks/' . $tag );
	}
}
add_action( 'init', 'gentle_widgets_register_blocks' );

/**
 * Hands the editor script what it cannot know itself: the default booking page and this site's feed.
 */
function gentle_widgets_editor_data() {
	$settings = gentle_widgets_settings();
	$data     = array(
		'bookingUrl' => $settings['booking_url'],
		'siteFeed'   => gentle_widgets_site_posts_feed(),
	);
	wp_add_inline_script( 'gentle-widgets-editor', 'window.gentleWidgetsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}
add_action( 'enqueue_block_editor_assets', 'gentle_widgets_editor_data' );

/**
 * Enqueues the script when one of our blocks renders outside the posts a page was queried for (a
 * reusable block, a widget area, a template part); it then prints in the footer.
 *
 * @param string $content The block's HTML.
 * @param array  $block   The block.
 * @return string
 */
function gentle_widgets_render_block( $content, $block ) {
	if ( isset( $block['blockName'] ) && is_string( $block['blockName'] ) && 0 === strpos( $block['blockName'], 'gentle-widgets/' ) ) {
		gentle_widgets_enqueue();
	}
	return $content;
}
add_filter( 'render_block', 'gentle_widgets_render_block', 10, 2 );
