<?php
/**
 * Setup and cleanup for test/wordpress/run.mjs, run as the web server's user with WordPress loaded:
 *   runuser -u www-data -- env WP_URL=http://127.0.0.1:8088 php helper.php COMMAND [ARG…]
 * Every command prints one JSON value.
 *
 *   info                      WordPress version, content directory, the plugin's state, our options
 *   plugin-remove             deactivate and delete gentle-widgets (runs its uninstall.php), as an admin would
 *   plugin-deactivate         deactivate it only
 *   apppass-create NAME       a fresh application password called NAME for each test user: {login: password}
 *   apppass-revoke NAME       delete every application password called NAME
 *   posts-delete PREFIX       delete (for good) every post whose title starts with PREFIX, and its revisions
 */

// Load WordPress as if serving a request to WP_URL: Debian's wp-config.php picks
// /etc/wordpress/config-<host>.php from the Host header.
$gwt_url = getenv( 'WP_URL' ) ?: 'http://127.0.0.1:8088';
$gwt_p   = parse_url( $gwt_url );
$_SERVER['HTTP_HOST']      = $gwt_p['host'] . ( isset( $gwt_p['port'] ) ? ':' . $gwt_p['port'] : '' );
$_SERVER['SERVER_NAME']    = $gwt_p['host'];
$_SERVER['SERVER_PORT']    = (string) ( $gwt_p['port'] ?? 80 );
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SCRIPT_NAME']    = '/index.php';
$_SERVER['PHP_SELF']       = '/index.php';
$_SERVER['REMOTE_ADDR']    = '127.0.0.1';
require ( getenv( 'WP_ABSPATH' ) ?: '/usr/share/wordpress/' ) . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

const GWT_PLUGIN = 'gentle-widgets/gentle-widgets.php';
const GWT_USERS  = array( 'admin', 'jordan', 'sam', 'casey' );

function gwt_out( $value ) {
	echo wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
}

function gwt_fail( $message ) {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

/** Every option whose name starts with the plugin's prefix. */
function gwt_our_options() {
	global $wpdb;
	return $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'gentle\\_widgets%' OR option_name LIKE 'gentle-widgets%' ORDER BY option_name" );
}

function gwt_admin() {
	$u = get_user_by( 'login', 'admin' );
	if ( ! $u ) {
		gwt_fail( 'no user "admin": was the site seeded by wordpress-up.sh?' );
	}
	wp_set_current_user( $u->ID );
	return $u;
}

$cmd = $argv[1] ?? '';
switch ( $cmd ) {
	case 'info':
		$plugins = get_plugins();
		$users   = array();
		foreach ( GWT_USERS as $login ) {
			$u               = get_user_by( 'login', $login );
			$users[ $login ] = $u ? array( 'id' => $u->ID, 'role' => implode( ',', $u->roles ), 'name' => $u->display_name ) : null;
		}
		gwt_out( array(
			'wp_version'     => get_bloginfo( 'version' ),
			'content_dir'    => WP_CONTENT_DIR,
			'plugin_dir'     => WP_PLUGIN_DIR,
			'fs_method'      => get_filesystem_method(),
			'plugin'         => isset( $plugins[ GWT_PLUGIN ] ) ? $plugins[ GWT_PLUGIN ] : null,
			'plugin_folder'  => is_dir( WP_PLUGIN_DIR . '/gentle-widgets' ),
			'active'         => is_plugin_active( GWT_PLUGIN ),
			'options'        => gwt_our_options(),
			'users'          => $users,
			'posts_per_rss'  => (int) get_option( 'posts_per_rss' ),
			'rss_use_excerpt' => (int) get_option( 'rss_use_excerpt' ),
		) );
		break;

	case 'plugin-deactivate':
		gwt_admin();
		deactivate_plugins( GWT_PLUGIN );
		gwt_out( array( 'active' => is_plugin_active( GWT_PLUGIN ) ) );
		break;

	case 'plugin-remove':
		gwt_admin();
		$had = is_dir( WP_PLUGIN_DIR . '/gentle-widgets' );
		if ( $had ) {
			deactivate_plugins( GWT_PLUGIN );
			// delete_plugins() runs uninstall.php, exactly as Plugins → Delete does.
			add_filter( 'filesystem_method', function () { return 'direct'; } );
			$result = delete_plugins( array( GWT_PLUGIN ) );
			if ( is_wp_error( $result ) ) {
				gwt_fail( 'could not delete the plugin: ' . $result->get_error_message() );
			}
			if ( is_dir( WP_PLUGIN_DIR . '/gentle-widgets' ) ) {
				// A folder without the main file (a broken older copy): delete_plugins() leaves it.
				global $wp_filesystem;
				WP_Filesystem();
				$wp_filesystem->delete( WP_PLUGIN_DIR . '/gentle-widgets', true );
			}
		}
		wp_cache_flush();
		gwt_out( array(
			'had'     => $had,
			'gone'    => ! is_dir( WP_PLUGIN_DIR . '/gentle-widgets' ),
			'options' => gwt_our_options(),
		) );
		break;

	case 'apppass-create':
		$name = $argv[2] ?? '';
		if ( '' === $name ) {
			gwt_fail( 'apppass-create NAME' );
		}
		$out = array();
		foreach ( GWT_USERS as $login ) {
			$u = get_user_by( 'login', $login );
			if ( ! $u ) {
				gwt_fail( "no user \"$login\": was the site seeded by wordpress-up.sh?" );
			}
			foreach ( WP_Application_Passwords::get_user_application_passwords( $u->ID ) as $item ) {
				if ( $item['name'] === $name ) {
					WP_Application_Passwords::delete_application_password( $u->ID, $item['uuid'] );
				}
			}
			$made = WP_Application_Passwords::create_new_application_password( $u->ID, array( 'name' => $name ) );
			if ( is_wp_error( $made ) ) {
				gwt_fail( $made->get_error_message() );
			}
			$out[ $login ] = $made[0];
		}
		gwt_out( $out );
		break;

	case 'apppass-revoke':
		$name    = $argv[2] ?? '';
		$revoked = 0;
		foreach ( GWT_USERS as $login ) {
			$u = get_user_by( 'login', $login );
			if ( ! $u ) {
				continue;
			}
			foreach ( WP_Application_Passwords::get_user_application_passwords( $u->ID ) as $item ) {
				if ( $item['name'] === $name ) {
					WP_Application_Passwords::delete_application_password( $u->ID, $item['uuid'] );
					$revoked++;
				}
			}
		}
		gwt_out( array( 'revoked' => $revoked ) );
		break;

	case 'posts-delete':
		global $wpdb;
		$prefix = $argv[2] ?? '';
		if ( strlen( $prefix ) < 8 ) {
			gwt_fail( 'posts-delete PREFIX (at least 8 characters)' );
		}
		$ids = $wpdb->get_col( $wpdb->prepare(
			"SELECT ID FROM {$wpdb->posts} WHERE post_type = 'post' AND post_title LIKE %s",
			$wpdb->esc_like( $prefix ) . '%'
		) );
		foreach ( $ids as $id ) {
			wp_delete_post( (int) $id, true ); // also deletes its revisions and autosaves
		}
		gwt_out( array( 'deleted' => array_map( 'intval', $ids ) ) );
		break;

	default:
		gwt_fail( 'usage: helper.php info|plugin-remove|plugin-deactivate|apppass-create NAME|apppass-revoke NAME|posts-delete PREFIX' );
}
