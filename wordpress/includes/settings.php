<?php
/**
 * Settings → Gentle Widgets: one option, `gentle_widgets_settings`, through the Settings API (its nonce
 * and the `manage_options` capability). Only choices that cost a reader nothing: no tracking, no remote
 * calls.
 *
 * @package GentleWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings with their defaults filled in.
 *
 * @return array{stylesheet: bool, booking_url: string}
 */
function gentle_widgets_settings() {
	$defaults = array(
		'stylesheet'  => true,
		'booking_url' => '',
	);
	$saved    = get_option( 'gentle_widgets_settings', array() );
	$settings = array_merge( $defaults, is_array( $saved ) ? array_intersect_key( $saved, $defaults ) : array() );
	$settings['stylesheet']  = (bool) $settings['stylesheet'];
	$settings['booking_url'] = (string) $settings['booking_url'];
	return $settings;
}

/**
 * Whether a booking URL is one the elements use: `https:`, or `http:` on this computer.
 *
 * @param string $url The URL.
 * @return bool
 */
function gentle_widgets_is_booking_url( $url ) {
	$parts = wp_parse_url( (string) $url );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return false;
	}
	$scheme = strtolower( $parts['scheme'] );
	$host   = strtolower( trim( $parts['host'], '[]' ) );
	return 'https' === $scheme || ( 'http' === $scheme && in_array( $host, array( 'localhost', '127.0.0.1', '::1' ), true ) );
}

/**
 * Cleans what the settings form sent.
 *
 * @param mixed $input The submitted values.
 * @return array{stylesheet: bool, booking_url: string}
 */
function gentle_widgets_sanitize_settings( $input ) {
	$input    = is_array( $input ) ? $input : array();
	$previous = gentle_widgets_settings();
	$clean    = array(
		'stylesheet'  => ! empty( $input['stylesheet'] ),
		'booking_url' => '',
	);
	$url      = isset( $input['booking_url'] ) ? trim( (string) $input['booking_url'] ) : '';
	if ( '' !== $url ) {
		if ( gentle_widgets_is_booking_url( $url ) ) {
			$clean['booking_url'] = esc_url_raw( $url, array( 'https', 'http' ) );
		} else {
			$clean['booking_url'] = $previous['booking_url'];
			add_settings_error(
				'gentle_widgets_settings',
				'booking_url',
				__( 'The booking page was not changed: use an https:// address.', 'gentle-widgets' )
			);
		}
	}
	return $clean;
}

/**
 * Registers the option, its section and fields.
 */
function gentle_widgets_register_settings() {
	register_setting(
		'gentle_widgets',
		'gentle_widgets_settings',
		array(
			'type'              => 'object',
			'sanitize_callback' => 'gentle_widgets_sanitize_settings',
			'default'           => array(
				'stylesheet'  => true,
				'booking_url' => '',
			),
			'show_in_rest'      => false,
		)
	);

	add_settings_section(
		'gentle_widgets_main',
		__( 'Loading and defaults', 'gentle-widgets' ),
		static function () {
			echo '<p>' . esc_html__( 'The elements load only on posts and pages that use them, from your own site. Nothing is sent anywhere.', 'gentle-widgets' ) . '</p>';
		},
		'gentle-widgets'
	);

	add_settings_field(
		'gentle_widgets_stylesheet',
		__( 'Space while loading', 'gentle-widgets' ),
		static function () {
			$settings = gentle_widgets_settings();
			printf(
				'<label for="gentle_widgets_stylesheet"><input type="checkbox" id="gentle_widgets_stylesheet" name="gentle_widgets_settings[stylesheet]" value="1" %1$s aria-describedby="gentle_widgets_stylesheet_help" /> %2$s</label><p class="description" id="gentle_widgets_stylesheet_help">%3$s</p>',
				checked( $settings['stylesheet'], true, false ),
				esc_html__( 'Add the small stylesheet that gives each element its final size before its script has loaded', 'gentle-widgets' ),
				esc_html__( 'Keeps the page from shifting as the elements appear. It never hides text for good: if the script cannot load, everything shows after a few seconds.', 'gentle-widgets' )
			);
		},
		'gentle-widgets',
		'gentle_widgets_main'
	);

	add_settings_field(
		'gentle_widgets_booking_url',
		__( 'Default booking page', 'gentle-widgets' ),
		static function () {
			$settings = gentle_widgets_settings();
			printf(
				'<input type="url" class="regular-text code" id="gentle_widgets_booking_url" name="gentle_widgets_settings[booking_url]" value="%1$s" placeholder="https://" aria-describedby="gentle_widgets_booking_url_help" /><p class="description" id="gentle_widgets_booking_url_help">%2$s</p>',
				esc_attr( $settings['booking_url'] ),
				esc_html__( 'Your scheduler page (Calendly, Cal.com, TidyCal, Acuity or any other). Used by a “Book a call” block or [book_call_cta] shortcode that has no link of its own.', 'gentle-widgets' )
			);
		},
		'gentle-widgets',
		'gentle_widgets_main',
		array( 'label_for' => 'gentle_widgets_booking_url' )
	);
}
add_action( 'admin_init', 'gentle_widgets_register_settings' );

/**
 * Adds Settings → Gentle Widgets.
 */
function gentle_widgets_add_settings_page() {
	add_options_page(
		__( 'Gentle Widgets', 'gentle-widgets' ),
		__( 'Gentle Widgets', 'gentle-widgets' ),
		'manage_options',
		'gentle-widgets',
		'gentle_widgets_render_settings_page'
	);
}
add_action( 'admin_menu', 'gentle_widgets_add_settings_page' );

/**
 * Prints the settings screen.
 */
function gentle_widgets_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'gentle-widgets' ) );
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
			<?php
			settings_fields( 'gentle_widgets' );
			do_settings_sections( 'gentle-widgets' );
			submit_button();
			?>
		</form>
		<h2><?php esc_html_e( 'Using the elements', 'gentle-widgets' ); ?></h2>
		<p><?php esc_html_e( 'In the block editor, add the blocks “Content notice”, “Journal prompts”, “Book a call” and “Related stories” (search for “gentle”). In the classic editor, use the shortcodes:', 'gentle-widgets' ); ?></p>
		<ul class="ul-disc">
			<li><code>[content_notice variant="warning" gate="1" heading="…"]…[/content_notice]</code></li>
			<li><code>[journal_prompts heading="…" invitation="…"]…[/journal_prompts]</code></li>
			<li><code>[book_call_cta heading="…" href="https://…" link_text="…"]…[/book_call_cta]</code></li>
			<li><code>[related_stories heading="…" src="site"]…[/related_stories]</code></li>
		</ul>
		<p><?php esc_html_e( 'Administrators, editors, authors and contributors can all use the blocks and shortcodes; WordPress still removes scripts, event handlers and javascript: links from the posts of authors and contributors.', 'gentle-widgets' ); ?></p>
	</div>
	<?php
}

/**
 * A “Settings” link beside the plugin on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function gentle_widgets_action_links( $links ) {
	if ( current_user_can( 'manage_options' ) ) {
		$links[] = sprintf( '<a href="%1$s">%2$s</a>', esc_url( admin_url( 'options-general.php?page=gentle-widgets' ) ), esc_html__( 'Settings', 'gentle-widgets' ) );
	}
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( GENTLE_WIDGETS_FILE ), 'gentle_widgets_action_links' );
