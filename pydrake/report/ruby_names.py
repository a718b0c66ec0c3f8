"""Names Ruby 3.1 has: core methods by class, top-level constants and standard libraries.

A Rakefile that fails on one of these names used something Ruby provides and pydrake does
not, so the failure report can say so (``pydrake.report.unsupported``). Listed from
``ruby 3.1.2`` itself: a class's instance methods (public and private) beyond Object's,
Object's, Kernel's and BasicObject's own, singleton methods beyond the public ones of Class or Module,
``Object.constants``, and the libraries under ``rubylibdir``/``archdir`` plus the bundled
gems a Rakefile requires.
"""

from __future__ import annotations

INSTANCE_METHODS: dict[str, str] = {
    "Array": (
        "& * + - << [] []= all? any? append assoc at bsearch bsearch_index chain chunk chunk_while clear "
        "collect collect! collect_concat combination compact compact! concat count cycle deconstruct "
        "delete delete_at delete_if detect difference dig drop drop_while each each_cons each_entry "
        "each_index each_slice each_with_index each_with_object empty? entries fetch fill filter filter! "
        "filter_map find find_all find_index first flat_map flatten flatten! grep grep_v group_by "
        "include? index inject insert intersect? intersection join keep_if last lazy length map map! max "
        "max_by member? min min_by minmax minmax_by none? one? pack partition permutation pop prepend "
        "product push rassoc reduce reject reject! repeated_combination repeated_permutation replace "
        "reverse reverse! reverse_each rindex rotate rotate! sample select! shift shuffle shuffle! size "
        "slice slice! slice_after slice_before slice_when sort sort! sort_by sort_by! sum take take_while "
        "tally to_a to_ary to_h transpose union uniq uniq! unshift values_at zip | "
    ),
    "BasicObject": (
        "! != == __id__ __send__ equal? initialize instance_eval instance_exec method_missing "
        "singleton_method_added singleton_method_removed singleton_method_undefined "
    ),
    "Class": (
        "< <= > >= alias_method allocate ancestors attr attr_accessor attr_reader attr_writer class_eval "
        "class_exec class_variable_defined? class_variable_get class_variable_set class_variables "
        "const_defined? const_get const_missing const_set const_source_location constants define_method "
        "deprecate_constant extended include include? included included_modules inherited instance_method "
        "instance_methods method_added method_defined? method_removed method_undefined module_eval "
        "module_exec name new prepend prepended private private_class_method private_constant "
        "private_instance_methods private_method_defined? protected protected_instance_methods "
        "protected_method_defined? public public_class_method public_constant public_instance_method "
        "public_instance_methods public_method_defined? remove_class_variable remove_const remove_method "
        "ruby2_keywords singleton_class? subclasses superclass undef_method using "
    ),
    "Dir": (
        "all? any? chain children chunk chunk_while close collect collect_concat compact count cycle "
        "detect drop drop_while each each_child each_cons each_entry each_slice each_with_index "
        "each_with_object entries fileno filter filter_map find find_all find_index first flat_map grep "
        "grep_v group_by include? inject lazy map max max_by member? min min_by minmax minmax_by none? "
        "one? partition path pos pos= read reduce reject reverse_each rewind seek slice_after "
        "slice_before slice_when sort sort_by sum take take_while tally tell to_a to_h to_path uniq zip "
    ),
    "Enumerator": (
        "+ all? any? chain chunk chunk_while collect collect_concat compact count cycle detect drop "
        "drop_while each each_cons each_entry each_slice each_with_index each_with_object entries feed "
        "filter filter_map find find_all find_index first flat_map grep grep_v group_by include? inject "
        "lazy map max max_by member? min min_by minmax minmax_by next next_values none? one? partition "
        "peek peek_values reduce reject reverse_each rewind size slice_after slice_before slice_when sort "
        "sort_by sum take take_while tally to_a to_h uniq with_index with_object zip "
    ),
    "Exception": ("backtrace backtrace_locations cause exception full_message message set_backtrace "),
    "FalseClass": ("& ^ | "),
    "File": (
        "<< advise all? any? atime autoclose= autoclose? binmode binmode? birthtime chain chmod chown "
        "chunk chunk_while close close_on_exec= close_on_exec? close_read close_write closed? collect "
        "collect_concat compact count ctime cycle detect drop drop_while each each_byte each_char "
        "each_codepoint each_cons each_entry each_line each_slice each_with_index each_with_object "
        "entries eof eof? external_encoding fcntl fdatasync fileno filter filter_map find find_all "
        "find_index first flat_map flock flush fsync getbyte getc grep grep_v group_by include? inject "
        "internal_encoding ioctl isatty lazy lineno lineno= lstat map max max_by member? min min_by "
        "minmax minmax_by mtime none? one? partition path pid pos pos= pread pwrite read read_nonblock "
        "readbyte readchar readpartial reduce reject reopen reverse_each rewind seek set_encoding "
        "set_encoding_by_bom size slice_after slice_before slice_when sort sort_by stat sum sync sync= "
        "sysread sysseek syswrite take take_while tally tell to_a to_h to_i to_io to_path truncate tty? "
        "ungetbyte ungetc uniq write write_nonblock zip "
    ),
    "Float": (
        "% * ** + +@ - -@ / < <= > >= abs abs2 angle arg between? ceil clamp coerce conj conjugate "
        "denominator div divmod fdiv finite? floor i imag imaginary infinite? integer? magnitude modulo "
        "nan? negative? next_float nonzero? numerator phase polar positive? prev_float quo rationalize "
        "real real? rect rectangular remainder round step to_c to_f to_i to_int to_r truncate zero? "
    ),
    "Hash": (
        "< <= > >= [] []= all? any? assoc chain chunk chunk_while clear collect collect_concat compact "
        "compact! compare_by_identity compare_by_identity? count cycle deconstruct_keys default default= "
        "default_proc default_proc= delete delete_if detect dig drop drop_while each each_cons each_entry "
        "each_key each_pair each_slice each_value each_with_index each_with_object empty? entries except "
        "fetch fetch_values filter filter! filter_map find find_all find_index first flat_map flatten "
        "grep grep_v group_by has_key? has_value? include? inject invert keep_if key key? keys lazy "
        "length map max max_by member? merge merge! min min_by minmax minmax_by none? one? partition "
        "rassoc reduce rehash reject reject! replace reverse_each select! shift size slice slice_after "
        "slice_before slice_when sort sort_by store sum take take_while tally to_a to_h to_hash to_proc "
        "transform_keys transform_keys! transform_values transform_values! uniq update value? values "
        "values_at zip "
    ),
    "IO": (
        "<< advise all? any? autoclose= autoclose? binmode binmode? chain chunk chunk_while close "
        "close_on_exec= close_on_exec? close_read close_write closed? collect collect_concat compact "
        "count cycle detect drop drop_while each each_byte each_char each_codepoint each_cons each_entry "
        "each_line each_slice each_with_index each_with_object entries eof eof? external_encoding fcntl "
        "fdatasync fileno filter filter_map find find_all find_index first flat_map flush fsync getbyte "
        "getc grep grep_v group_by include? inject internal_encoding ioctl isatty lazy lineno lineno= map "
        "max max_by member? min min_by minmax minmax_by none? one? partition pid pos pos= pread pwrite "
        "read read_nonblock readbyte readchar readpartial reduce reject reopen reverse_each rewind seek "
        "set_encoding set_encoding_by_bom slice_after slice_before slice_when sort sort_by stat sum sync "
        "sync= sysread sysseek syswrite take take_while tally tell to_a to_h to_i to_io tty? ungetbyte "
        "ungetc uniq write write_nonblock zip "
    ),
    "Integer": (
        "% & * ** + +@ - -@ / < << <= > >= >> [] ^ abs abs2 allbits? angle anybits? arg between? "
        "bit_length ceil chr clamp coerce conj conjugate denominator digits div divmod downto even? fdiv "
        "finite? floor gcd gcdlcm i imag imaginary infinite? integer? lcm magnitude modulo negative? next "
        "nobits? nonzero? numerator odd? ord phase polar positive? pow pred quo rationalize real real? "
        "rect rectangular remainder round size step succ times to_c to_f to_i to_int to_r truncate upto "
        "zero? | ~ "
    ),
    "Kernel": (
        "!~ <=> === =~ Array Complex Float Hash Integer Rational String __callee__ __dir__ __method__ ` "
        "abort at_exit autoload autoload? binding block_given? caller caller_locations catch class clone "
        "define_singleton_method display dup enum_for eql? eval exec exit exit! extend fail fork format "
        "freeze frozen? gem gem_original_require gets global_variables hash initialize_clone "
        "initialize_copy initialize_dup inspect instance_of? instance_variable_defined? "
        "instance_variable_get instance_variable_set instance_variables is_a? iterator? itself kind_of? "
        "lambda load local_variables loop method methods nil? object_id open p pp print printf "
        "private_methods proc protected_methods public_method public_methods public_send putc puts raise "
        "rand readline readlines remove_instance_variable require require_relative respond_to? "
        "respond_to_missing? select send set_trace_func singleton_class singleton_method "
        "singleton_methods sleep spawn sprintf srand syscall system taint tainted? tap test then throw "
        "to_enum to_s trace_var trap trust untaint untrace_var untrust untrusted? warn yield_self "
    ),
    "MatchData": (
        "[] begin captures end length match match_length named_captures names offset post_match pre_match "
        "regexp size string to_a values_at "
    ),
    "Method": (
        "<< >> [] arity call curry name original_name owner parameters private? protected? public? "
        "receiver source_location super_method to_proc unbind "
    ),
    "Module": (
        "< <= > >= alias_method ancestors append_features attr attr_accessor attr_reader attr_writer "
        "class_eval class_exec class_variable_defined? class_variable_get class_variable_set "
        "class_variables const_defined? const_get const_missing const_set const_source_location constants "
        "define_method deprecate_constant extend_object extended include include? included "
        "included_modules instance_method instance_methods method_added method_defined? method_removed "
        "method_undefined module_eval module_exec module_function name prepend prepend_features prepended "
        "private private_class_method private_constant private_instance_methods private_method_defined? "
        "protected protected_instance_methods protected_method_defined? public public_class_method "
        "public_constant public_instance_method public_instance_methods public_method_defined? refine "
        "remove_class_variable remove_const remove_method ruby2_keywords singleton_class? undef_method "
        "using "
    ),
    "NilClass": ("& ^ rationalize to_a to_c to_f to_h to_i to_r | "),
    "Proc": ("<< >> [] arity call curry lambda? parameters ruby2_keywords source_location to_proc yield "),
    "Range": (
        "% all? any? begin bsearch chain chunk chunk_while collect collect_concat compact count cover? "
        "cycle detect drop drop_while each each_cons each_entry each_slice each_with_index "
        "each_with_object end entries exclude_end? filter filter_map find find_all find_index first "
        "flat_map grep grep_v group_by include? inject last lazy map max max_by member? min min_by minmax "
        "minmax_by none? one? partition reduce reject reverse_each size slice_after slice_before "
        "slice_when sort sort_by step sum take take_while tally to_a to_h uniq zip "
    ),
    "Regexp": ("casefold? encoding fixed_encoding? match match? named_captures names options source ~ "),
    "String": (
        "% * + +@ -@ < << <= > >= [] []= ascii_only? b between? bytes bytesize byteslice capitalize "
        "capitalize! casecmp casecmp? center chars chomp chomp! chop chop! chr clamp clear codepoints "
        "concat count crypt delete delete! delete_prefix delete_prefix! delete_suffix delete_suffix! "
        "downcase downcase! dump each_byte each_char each_codepoint each_grapheme_cluster each_line "
        "empty? encode encode! encoding end_with? force_encoding getbyte grapheme_clusters gsub gsub! hex "
        "include? index insert intern length lines ljust lstrip lstrip! match match? next next! oct ord "
        "partition prepend replace reverse reverse! rindex rjust rpartition rstrip rstrip! scan scrub "
        "scrub! setbyte size slice slice! split squeeze squeeze! start_with? strip strip! sub sub! succ "
        "succ! sum swapcase swapcase! to_c to_f to_i to_r to_str to_sym tr tr! tr_s tr_s! undump "
        "unicode_normalize unicode_normalize! unicode_normalized? unpack unpack1 upcase upcase! upto "
        "valid_encoding? "
    ),
    "Struct": (
        "[] []= all? any? chain chunk chunk_while collect collect_concat compact count cycle deconstruct "
        "deconstruct_keys detect dig drop drop_while each each_cons each_entry each_pair each_slice "
        "each_with_index each_with_object entries filter filter_map find find_all find_index first "
        "flat_map grep grep_v group_by include? inject lazy length map max max_by member? members min "
        "min_by minmax minmax_by none? one? partition reduce reject reverse_each size slice_after "
        "slice_before slice_when sort sort_by sum take take_while tally to_a to_h uniq values values_at "
        "zip "
    ),
    "Symbol": (
        "< <= > >= [] between? capitalize casecmp casecmp? clamp downcase empty? encoding end_with? "
        "id2name intern length match match? name next size slice start_with? succ swapcase to_proc to_sym "
        "upcase "
    ),
    "Time": (
        "+ - < <= > >= _dump asctime between? ceil clamp ctime day dst? floor friday? getgm getlocal "
        "getutc gmt? gmt_offset gmtime gmtoff hour isdst localtime mday min mon monday? month nsec round "
        "saturday? sec strftime subsec sunday? thursday? to_a to_f to_i to_r tuesday? tv_nsec tv_sec "
        "tv_usec usec utc utc? utc_offset wday wednesday? yday year zone "
    ),
    "TrueClass": ("& ^ | "),
}
SINGLETON_METHODS: dict[str, str] = {
    "Array": ("[] try_convert "),
    "Class": (
        "< <= > >= alias_method allocate ancestors attr attr_accessor attr_reader attr_writer class_eval "
        "class_exec class_variable_defined? class_variable_get class_variable_set class_variables "
        "const_defined? const_get const_missing const_set const_source_location constants define_method "
        "deprecate_constant extended include include? included included_modules inherited instance_method "
        "instance_methods method_added method_defined? method_removed method_undefined module_eval "
        "module_exec name new prepend prepended private private_class_method private_constant "
        "private_instance_methods private_method_defined? protected protected_instance_methods "
        "protected_method_defined? public public_class_method public_constant public_instance_method "
        "public_instance_methods public_method_defined? remove_class_variable remove_const remove_method "
        "ruby2_keywords singleton_class? subclasses superclass undef_method using "
    ),
    "Dir": (
        "[] chdir children chroot delete each_child empty? entries exist? exists? foreach getwd glob home "
        "mkdir open pwd rmdir unlink "
    ),
    "File": (
        "absolute_path absolute_path? atime basename binread binwrite birthtime blockdev? chardev? chmod "
        "chown copy_stream ctime delete directory? dirname empty? executable? executable_real? exist? "
        "exists? expand_path extname file? fnmatch fnmatch? for_fd foreach ftype grpowned? identical? "
        "join lchmod lchown link lstat lutime mkfifo mtime open owned? path pipe pipe? popen read "
        "readable? readable_real? readlines readlink realdirpath realpath rename select setgid? setuid? "
        "size size? socket? split stat sticky? symlink symlink? sysopen truncate try_convert umask unlink "
        "utime world_readable? world_writable? writable? writable_real? write zero? "
    ),
    "FileUtils": (
        "cd chdir chmod chmod_R chown chown_R cmp collect_method commands compare_file compare_stream "
        "copy copy_entry copy_file copy_stream cp cp_lr cp_r getwd have_option? identical? install link "
        "link_entry ln ln_s ln_sf makedirs mkdir mkdir_p mkpath move mv options options_of "
        "private_module_function pwd remove remove_dir remove_entry remove_entry_secure remove_file rm "
        "rm_f rm_r rm_rf rmdir rmtree safe_unlink symlink touch uptodate? "
    ),
    "Hash": ("[] ruby2_keywords_hash ruby2_keywords_hash? try_convert "),
    "IO": (
        "binread binwrite copy_stream for_fd foreach open pipe popen read readlines select sysopen try_convert write "
    ),
    "Integer": ("sqrt try_convert "),
    "Kernel": (
        "Array Complex Float Hash Integer Rational String __callee__ __dir__ __method__ ` abort at_exit "
        "binding block_given? caller caller_locations catch eval exec exit exit! fail fork format gets "
        "global_variables iterator? lambda load local_variables loop open p print printf proc putc puts "
        "raise rand readline readlines require require_relative select set_trace_func sleep spawn sprintf "
        "srand syscall system test throw trace_var trap untrace_var warn "
    ),
    "Math": (
        "acos acosh asin asinh atan atan2 atanh cbrt cos cosh erf erfc exp frexp gamma hypot ldexp lgamma "
        "log log10 log2 sin sinh sqrt tan tanh "
    ),
    "Module": (
        "< <= > >= alias_method ancestors append_features attr attr_accessor attr_reader attr_writer "
        "class_eval class_exec class_variable_defined? class_variable_get class_variable_set "
        "class_variables const_defined? const_get const_missing const_set const_source_location constants "
        "define_method deprecate_constant extend_object extended include include? included "
        "included_modules instance_method instance_methods method_added method_defined? method_removed "
        "method_undefined module_eval module_exec module_function name prepend prepend_features prepended "
        "private private_class_method private_constant private_instance_methods private_method_defined? "
        "protected protected_instance_methods protected_method_defined? public public_class_method "
        "public_constant public_instance_method public_instance_methods public_method_defined? refine "
        "remove_class_variable remove_const remove_method ruby2_keywords singleton_class? undef_method "
        "using "
    ),
    "Process": (
        "_fork abort argv0 clock_getres clock_gettime daemon detach egid egid= euid euid= exec exit exit! "
        "fork getpgid getpgrp getpriority getrlimit getsid gid gid= groups groups= initgroups kill "
        "last_status maxgroups maxgroups= pid ppid setpgid setpgrp setpriority setproctitle setrlimit "
        "setsid spawn times uid uid= wait wait2 waitall waitpid waitpid2 "
    ),
    "Regexp": ("compile escape last_match quote try_convert union "),
    "Signal": ("list signame trap "),
    "String": ("try_convert "),
    "Symbol": ("all_symbols "),
    "Time": ("at gm local mktime now utc "),
}
CONSTANTS: str = (
    "ALL ARGF ARGV ArgumentError Array BasicObject Bignum Binding CROSS_COMPILING Class "
    "ClosedQueueError Comparable Complex ConditionVariable DidYouMean Dir ENV EOFError Encoding "
    "EncodingError Enumerable Enumerator Errno ErrorHighlight Exception FalseClass Fiber FiberError "
    "File FileTest FileUtils Fixnum Float FloatDomainError FrozenError GC Gem Hash IO IOError "
    "IndexError Integer Interrupt Kernel KeyError LoadError LocalJumpError Marshal MatchData Math "
    "Method Module Monitor MonitorMixin Mutex NameError NilClass NoMatchingPatternError "
    "NoMatchingPatternKeyError NoMemoryError NoMethodError NotImplementedError Numeric Object "
    "ObjectSpace Proc Process Queue RUBYGEMS_ACTIVATION_MONITOR RUBY_COPYRIGHT RUBY_DESCRIPTION "
    "RUBY_ENGINE RUBY_ENGINE_VERSION RUBY_PATCHLEVEL RUBY_PLATFORM RUBY_RELEASE_DATE RUBY_REVISION "
    "RUBY_VERSION Ractor Random Range RangeError Rational RbConfig Refinement Regexp RegexpError "
    "RubyVM RuntimeError STDERR STDIN STDOUT ScriptError SecurityError Signal SignalException "
    "SizedQueue StandardError StopIteration String Struct Symbol SyntaxError SystemCallError "
    "SystemExit SystemStackError TOPLEVEL_BINDING Thread ThreadError ThreadGroup Time TracePoint "
    "TrueClass TypeError UnboundMethod UncaughtThrowError UnicodeNormalize Warning ZeroDivisionError "
)

LIBRARIES: str = (
    "English abbrev base64 benchmark bigdecimal bundler cgi cgi/cookie cgi/escape cgi/html "
    "cgi/session cgi/util continuation coverage csv date debug delegate digest digest/bubblebabble "
    "digest/md5 digest/rmd160 digest/sha1 digest/sha2 drb erb etc expect fcntl fiddle fileutils find "
    "forwardable getoptlong io/console io/nonblock io/wait ipaddr irb json kconv logger matrix "
    "minitest minitest/autorun mkmf monitor mutex_m net/ftp net/http net/https net/imap net/pop "
    "net/protocol net/smtp nkf objspace observer open-uri open3 openssl optionparser optparse ostruct "
    "pathname power_assert pp prettyprint prime pstore psych pty racc rbconfig rdoc readline reline "
    "resolv resolv-replace rexml/document ripper rss rubygems securerandom set shellwords singleton "
    "socket stringio strscan syslog tempfile test/unit time timeout tmpdir tsort un uri uri/file "
    "uri/ftp uri/http uri/https uri/ldap uri/ldaps uri/mailto uri/ws uri/wss weakref yaml zlib "
)
