<?php
/**
 * Loads the elements' script (and the pre-upgrade stylesheet) on the pages that use them, and nowhere
 * else: not on other pages, not in feeds, not in the REST API, not in wp-admin.
 *
 * WordPress 6.5 and later: a script module (`wp_enqueue_script_module`). WordPress 6.1 to 6.4: an
 * ordinary script whose tag gets `type="module"` through `script_loader_tag`. Both load the file
 * `cdn/<version>/gentle-widgets.js` from this plugin's folder; the files it loads later sit beside it.
 * The version is in the folder's name, not only in `?ver=`: the bundle imports those files by relative
 * URLs, so an update must change their addresses too, or a browser could pair a new bundle with an old
 * cached language file.
 *
 * @package GentleWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether a piece of post content uses one of the elements: its tag, its block or its shortcode.
 *
 * @param string $content Post content as stored.
 * @return bool
 */
function gentle_widgets_content_uses_elements( $content ) {
	$content = (string) $content;
	if ( '' === $content ) {
		return false;
	}
	foreach ( gentle_widgets_elements() as $tag => $names ) {
		if ( preg_match( '/<' . preg_quote( $tag, '/' ) . '[\s>\/]/i', $content ) ) {
			return true;
		}
		if ( false !== strpos( $content, '<!-- wp:' . $names['block'] . ' ' ) ) {
			return true;
		}
		if ( false !== strpos( $content, '[' . $names['shortcode'] ) && has_shortcode( $content, $names['shortcode'] ) ) {
			return true;
		}
	}
	return false;
}

/**
 * Whether this request prints a page a reader views (not a feed, the REST API, an AJAX call or wp-admin).
 *
 * @return bool
 */
function gentle_widgets_is_front_end_view() {
	if ( is_admin() || wp_doing_ajax() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) || ( defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST ) ) {
		return false;
	}
	return ! is_feed() && ! is_robots() && ! is_trackback();
}

/**
 * Enqueues the script and, unless the settings say no, the pre-upgrade stylesheet. Once per request.
 */
function gentle_widgets_enqueue() {
	static $done = false;
	if ( $done || ! gentle_widgets_is_front_end_view() ) {
		return;
	}
	$done = true;

	$folder = 'cdn/' . GENTLE_WIDGETS_VERSION . '/';
	$script = plugins_url( $folder . 'gentle-widgets.js', GENTLE_WIDGETS_FILE );
	// No `?ver=`: the folder's name carries the version.
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'gentle-widgets', $script, array(), null, array( 'fetchpriority' => 'low' ) );
	} else {
		wp_enqueue_script( 'gentle-widgets', $script, array(), null, false );
	}

	$settings = gentle_widgets_settings();
	if ( $settings['stylesheet'] ) {
		wp_enqueue_style( 'gentle-widgets', plugins_url( $folder . 'gentle-widgets.css', GENTLE_WIDGETS_FILE ), array(), null );
	}
}

/**
 * On `wp_enqueue_scripts`: enqueues when a post the page shows uses an element. Password-protected
 * posts count only once unlocked.
 */
function gentle_widgets_enqueue_for_queried_posts() {
	global $wp_query;
	if ( ! ( $wp_query instanceof WP_Query ) || empty( $wp_query->posts ) || ! gentle_widgets_is_front_end_view() ) {
		return;
	}
	foreach ( $wp_query->posts as $post ) {
		if ( $post instanceof WP_Post && ! post_password_required( $post ) && gentle_widgets_content_uses_elements( $post->post_content ) ) {
			gentle_widgets_enqueue();
			return;
		}
	}
}
add_action( 'wp_enqueue_scripts', 'gentle_widgets_enqueue_for_queried_posts' );

/**
 * WordPress 6.1–6.4: prints our script as a module, with low fetch priority (it is never what the reader
 * waits for first). `wp_enqueue_script()` cannot do either before 6.5.
 *
 * @param string $tag    The script tag.
 * @param string $handle The script's handle.
 * @return string
 */
function gentle_widgets_script_loader_tag( $tag, $handle ) {
	if ( 'gentle-widgets' !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
		return $tag;
	}
	$tag = preg_replace( '/(<script\b[^>]*?)\s+type=(["\'])[^"\']*\2/i', '$1', $tag );
	return preg_replace( '/<script\b(?=[^>]*\ssrc=)/i', '<script type="module" fetchpriority="low"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'gentle_widgets_script_loader_tag', 10, 2 );

/**
 * WordPress 6.5–6.8: adds the low fetch priority to the script module's tag (6.9 takes it as an argument).
 *
 * @param array $attributes The tag's attributes.
 * @return array
 */
function gentle_widgets_script_attributes( $attributes ) {
	if ( is_array( $attributes ) && isset( $attributes['id'] ) && 'gentle-widgets-js-module' === $attributes['id'] ) {
		$attributes['fetchpriority'] = 'low';
	}
	return $attributes;
}
add_filter( 'wp_script_attributes', 'gentle_widgets_script_attributes' );
