package ruby

import "strings"

// KnownExternal reports whether the first segment of a constant's name
// (Object, ActiveRecord, JSON...) is a top-level constant of Ruby's core
// and standard library, of Rails and its frameworks, or of a gem most Rails
// applications load: code that names it, unless the repository declares
// the same name, depends on something outside the repository.
func KnownExternal(first string) bool { return externalConstants[first] }

// Kernel reports whether a method called without a receiver is one of
// Kernel's, Module's or Class's own: it is never a method of the
// repository's unless the repository declares it.
func Kernel(method string) bool { return kernelMethods[method] }

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var externalConstants = wordSet(`
	Object BasicObject Module Class Kernel Comparable Enumerable Enumerator Integer Float Numeric
	Rational Complex String Symbol Array Hash Range Regexp MatchData NilClass TrueClass FalseClass
	Proc Method UnboundMethod Binding Struct Data Time Dir File IO FileTest Process Signal Thread
	Mutex Queue SizedQueue ConditionVariable Fiber Ractor ObjectSpace GC Marshal Math Random
	Encoding Exception StandardError RuntimeError ArgumentError NameError NoMethodError TypeError
	ZeroDivisionError KeyError IndexError StopIteration RangeError IOError EOFError SystemExit
	Interrupt ScriptError NotImplementedError LoadError SyntaxError SecurityError FrozenError
	FloatDomainError RegexpError ThreadError FiberError LocalJumpError SystemCallError Errno
	UncaughtThrowError NoMatchingPatternError NoMatchingPatternKeyError Warning ENV ARGV ARGF
	STDIN STDOUT STDERR RUBY_VERSION RUBY_PLATFORM RUBY_ENGINE RUBY_PATCHLEVEL RUBY_RELEASE_DATE
	DATA TOPLEVEL_BINDING RbConfig Gem Bundler Refinement ObjectSpace
	Set SortedSet Date DateTime JSON YAML Psych CSV URI Net OpenSSL Digest Base64 SecureRandom
	Pathname FileUtils Tempfile Tmpdir Timeout Benchmark Logger StringIO BigDecimal OpenStruct
	ERB Shellwords Socket TCPSocket TCPServer UDPSocket Open3 Singleton Forwardable Observable
	Monitor MonitorMixin Zlib Etc Find PP PrettyPrint Ripper Coverage Objspace Delegator
	SimpleDelegator DelegateClass English Abbrev OptionParser GetoptLong
	Readline IPAddr Resolv WEBrick CGI REXML RSS Racc Fiddle DRb Rinda PStore YAML Syslog
	Rails ActiveRecord ActiveModel ActiveSupport ActionController ActionDispatch ActionView
	ActionMailer ActionMailbox ActionText ActionCable ActiveJob ActiveStorage Arel Rack Railties
	AbstractController ApplicationCable Zeitwerk I18n Mime Concurrent TZInfo Nokogiri Mail
	Sprockets Turbo Stimulus Importmap Propshaft Jbuilder Puma Thor Rake Minitest RSpec Capybara
	FactoryBot Faker Devise Warden Pundit CanCan Sidekiq Resque Redis Faraday HTTParty
	Kaminari WillPaginate Paperclip CarrierWave Shrine Aws Google Stripe Twilio Sentry Raven
	Honeybadger Bugsnag NewRelic Doorkeeper OmniAuth JWT BCrypt Rouge Redcarpet CommonMarker
	Mime Haml Slim Sass Webpacker Packwerk Dry Grape Sinatra Hanami Sequel Mongoid Mongo PG
	Mysql2 SQLite3 Oj MultiJson ActiveModelSerializers Blueprinter Alba Jsonapi JSONAPI
	Draper Interactor Trailblazer Reform Ransack PaperTrail Audited Searchkick Elasticsearch
	Chewy Geocoder Monetize AASM Statesman Flipper Rollbar Lograge Dotenv Figaro Config
	Bootsnap Listen Spring Byebug Pry WebMock VCR DatabaseCleaner Shoulda SimpleCov Rubocop
Loofah Rinku Roadie Premailer Prawn WickedPdf Grover Ferrum Selenium Webdrivers
	GraphQL Rswag Apipie Swagger Hashie Virtus ActiveInteraction Wisper Karafka Kafka Bunny
	Sneakers Shoryuken GoodJob Whenever Clockwork Rufus Sidekiq ActiveAdmin
	Administrate RailsAdmin Avo SimpleForm Formtastic Cocoon Ckeditor Tinymce FriendlyId Ancestry
	ClosureTree ActsAsList ActsAsTaggableOn Globalize Mobility RouteTranslator HttpAcceptLanguage
	MiniMagick Magick Vips ImageProcessing Marcel MimeMagic Addressable PublicSuffix Mechanize
	HTTPClient RestClient Typhoeus Excon OAuth OAuth2 Octokit Slack Telegram Pusher Rpush Fcm
	Apnotic Houston Twitter Koala Geokit Stringex Babosa Unidecoder Htmlentities HTMLEntities
	Chronic IceCube Gemoji Kramdown Maruku RDiscount Asciidoctor Mustache
	Tilt Temple Erubi Erubis SafeYAML XmlSimple LibXML Gyoku Savon Ldap
	NetLDAP Commonmarker Diffy Rugged Rbpdf RBPDF CodeRay`)

var kernelMethods = wordSet(`
	puts print p pp require require_relative require_dependency load autoload raise fail loop lambda
	proc format sprintf printf rand srand sleep catch throw binding block_given? caller caller_locations
	exit exit! abort at_exit freeze frozen? dup clone send public_send __send__ __method__ __dir__
	respond_to? respond_to_missing? method_missing instance_variable_get instance_variable_set
	instance_variable_defined? instance_variables remove_instance_variable is_a? kind_of? instance_of?
	nil? tap then yield_self itself hash inspect to_s object_id method methods public_methods
	singleton_methods define_method define_singleton_method attr attr_reader attr_writer
	attr_accessor include extend prepend private protected public module_function alias_method
	private_constant public_constant private_class_method public_class_method class_eval
	instance_eval instance_exec class_exec module_eval module_exec const_get const_set
	const_defined? const_missing constants name new allocate superclass ancestors instance_methods
	method_defined? private_method_defined? included_modules include? Integer Float String Array
	Hash Rational Complex gets warn system spawn exec fork trap open select test syscall
	class singleton_class extend_object extended included inherited prepended method_added
	equal? eql? instance_variables display frozen? taint untaint trust untrust tainted? to_enum
	enum_for global_variables local_variables eval iterator? fail gsub sub chomp chop readline
	readlines srand trace_var untrace_var set_trace_func warn __callee__ remove_method undef_method
	attr_internal refine using raise_error`)
