# Rake::ExtensionTask (rake-compiler 1.2.1): compile, compile:NAME, compile:PLATFORM and their file tasks
# (Makefile from extconf.rb, the binary from make, copies into lib and the staging directory), native gem
# tasks when a gem specification is given, and the cross-compilation tasks. Commands run are Ruby on
# extconf.rb and make, as rake-compiler runs them.
require "rake/baseextensiontask"
require "rubygems/package_task"

module Rake
  class ExtensionTask < BaseExtensionTask
    attr_accessor :config_script, :cross_compile, :no_native, :config_includes
    attr_writer :cross_platform, :cross_config_options

    def init(name = nil, gem_spec = nil)
      super
      @config_script = "extconf.rb"
      @source_pattern = "*.{c,cc,cpp}"
      @compiled_pattern = "*.{o,obj,so,bundle,dSYM}"
      @cross_compile = false
      @cross_config_options = []
      @cross_compiling = nil
      @no_native = (ENV["RAKE_EXTENSION_TASK_NO_NATIVE"] == "true")
      @config_includes = []
      @ruby_versions_per_platform = Hash.new { |h, k| h[k] = [] }
      @make = nil
    end

    def cross_platform
      @cross_platform ||= "i386-mingw32"
    end

    def cross_compiling(&block)
      @cross_compiling = block if block_given?
    end

    def binary(platform = nil)
      platform == "java" ? "#{name}.#{RbConfig::CONFIG['DLEXT']}" : super
    end

    def define
      super

      unless compiled_files.empty?
        warn "WARNING: rake-compiler found compiled files in '#{@ext_dir}' directory. Please remove them."
      end

      define_native_tasks if !@no_native && (@gem_spec && @gem_spec.platform == "ruby")

      return unless @cross_compile

      if cross_platform.is_a?(Array)
        cross_platform.each { |platf| define_cross_platform_tasks(platf) }
      else
        define_cross_platform_tasks(cross_platform)
      end
    end

    def cross_config_options(for_platform = nil)
      return @cross_config_options unless for_platform
      @cross_config_options.map { |option| option.is_a?(Hash) ? (option[for_platform] || []) : option }.flatten
    end

    private

    def define_staging_file_tasks(files, lib_path, stage_path, platf, ruby_ver)
      lib_binary_path = "#{lib_path}/#{File.basename(binary(platf))}"
      files.each do |gem_file|
        next if File.directory?(gem_file) || gem_file == lib_binary_path
        stage_file = "#{stage_path}/#{gem_file}"
        unless Rake::Task.task_defined?(stage_file)
          directory File.dirname(stage_file)
          file stage_file => [File.dirname(stage_file), gem_file] do
            cp gem_file, stage_file
          end
        end
        task "copy:#{@name}:#{platf}:#{ruby_ver}" => [stage_file]
      end
    end

    def define_compile_tasks(for_platform = nil, ruby_ver = RUBY_VERSION)
      platf = for_platform || platform

      binary_path = binary(platf)
      binary_base_name = File.basename(binary_path)
      lib_path = lib_dir
      lib_binary_path = "#{lib_path}/#{binary_base_name}"
      tmp_path = "#{@tmp_dir}/#{platf}/#{@name}/#{ruby_ver}"
      stage_path = "#{@tmp_dir}/#{platf}/stage"
      siteconf_path = "#{tmp_path}/.rake-compiler-siteconf.rb"
      tmp_binary_path = "#{tmp_path}/#{binary_path}"
      tmp_binary_dir_path = File.dirname(tmp_binary_path)
      stage_binary_path = "#{stage_path}/#{lib_binary_path}"
      stage_binary_dir_path = File.dirname(stage_binary_path)

      CLEAN.include(tmp_path)
      CLEAN.include(stage_path)
      CLOBBER.include(lib_binary_path)
      CLOBBER.include(@tmp_dir.to_s)

      directory tmp_path
      directory tmp_binary_dir_path
      directory lib_path
      directory stage_binary_dir_path

      directory File.dirname(siteconf_path)
      file siteconf_path => File.dirname(siteconf_path) do
        File.open(siteconf_path, "w") do |siteconf|
          siteconf.puts "require 'rbconfig'"
          siteconf.puts "require 'mkmf'"
          siteconf.puts "dest_path = mkintpath(#{File.expand_path(lib_path).dump})"
          %w[sitearchdir sitelibdir].each do |dir|
            siteconf.puts "RbConfig::MAKEFILE_CONFIG['#{dir}'] = dest_path"
            siteconf.puts "RbConfig::CONFIG['#{dir}'] = dest_path"
          end
        end
      end

      task "copy:#{@name}:#{platf}:#{ruby_ver}" => [lib_path, tmp_binary_path, "#{tmp_path}/Makefile"] do
        sh "#{make} install target_prefix=", chdir: tmp_path unless for_platform
      end
      task "copy:#{@name}:#{platf}:#{ruby_ver}" => [stage_binary_dir_path, tmp_binary_path] do
        cp tmp_binary_path, stage_binary_path
      end

      define_staging_file_tasks(@gem_spec.files, lib_path, stage_path, platf, ruby_ver) if @gem_spec

      file tmp_binary_path => [tmp_binary_dir_path, "#{tmp_path}/Makefile"] + source_files do
        chdir tmp_path do
          sh make
          cp binary_base_name, binary_path if binary_path != binary_base_name
        end
      end

      file "#{tmp_path}/Makefile" => [tmp_path, extconf, siteconf_path] do |t|
        options = @config_options.dup
        include_dirs = ["."].concat(@config_includes).uniq.join(File::PATH_SEPARATOR)
        cmd = [Gem.ruby, "-I#{include_dirs}", "-r#{File.basename(siteconf_path)}"]
        abs_tmp_path = (Pathname.new(Dir.pwd) + tmp_path).realpath
        abs_extconf = (Pathname.new(Dir.pwd) + extconf).realpath
        cmd << abs_extconf.relative_path_from(abs_tmp_path)
        options.push(*cross_config_options(platf)) if t.prerequisites.include?("#{tmp_path}/fake.rb")
        cmd.push(*options)
        cmd.push(*extra_options) unless extra_options.empty?
        chdir tmp_path do
          Rake::TaskLibSupport.warn_if_missing(Gem.ruby, "Ruby")
          sh cmd.join(" ")
        end
      end

      unless Rake::Task.task_defined?("compile")
        desc "Compile all the extensions"
        task "compile"
      end

      unless Rake::Task.task_defined?("compile:#{@name}")
        desc "Compile #{@name}"
        task "compile:#{@name}"
      end

      task "compile:#{@name}:#{platf}" => ["copy:#{@name}:#{platf}:#{ruby_ver}"]
      task "compile:#{platf}" => ["compile:#{@name}:#{platf}"]

      if platf == RUBY_PLATFORM
        file lib_binary_path => ["copy:#{name}:#{platf}:#{ruby_ver}"]
        task "compile:#{@name}" => ["compile:#{@name}:#{platf}"]
        task "compile" => ["compile:#{platf}"]
      end
    end

    def define_native_tasks(for_platform = nil, ruby_ver = RUBY_VERSION, callback = nil)
      platf = for_platform || platform
      stage_path = "#{@tmp_dir}/#{platf}/stage"
      lib_path = lib_dir
      lib_binary_path = "#{lib_path}/#{File.basename(binary(platf))}"
      @ruby_versions_per_platform[platf] << ruby_ver

      unless Rake::Task.task_defined?("native:#{@gem_spec.name}:#{platf}")
        task "native:#{@gem_spec.name}:#{platf}" do |t|
          spec = gem_spec.dup
          spec.platform = Gem::Platform.new(platf)
          sorted_ruby_versions = @ruby_versions_per_platform[platf].sort_by { |v| v.split(".").collect(&:to_i) }
          spec.required_ruby_version = [
            ">= #{ruby_api_version(sorted_ruby_versions.first)}",
            "< #{ruby_api_version(sorted_ruby_versions.last).succ}.dev",
          ]
          spec.extensions.clear
          spec.files += t.prerequisites.map { |ext| ext.sub(stage_path + "/", "") }
          callback.call(spec) if callback

          pkg = Gem::PackageTask.new(spec) do |p|
            p.need_zip = false
            p.need_tar = false
            p.package_files.clear
          end

          define_staging_file_tasks(spec.files, lib_path, stage_path, platf, ruby_ver)

          stage_files = spec.files.map { |gem_file| File.join(stage_path, gem_file) }
          file pkg.package_dir_path => stage_files do
            begin
              mkdir_p pkg.package_dir
            rescue StandardError
              nil
            end
            spec.files.each do |ft|
              fn = File.join(stage_path, ft)
              f = File.join(pkg.package_dir_path, ft)
              fdir = File.dirname(f)
              mkdir_p(fdir) unless File.exist?(fdir)
              if File.directory?(fn)
                mkdir_p(f)
              else
                rm_f f
                safe_ln(fn, f)
              end
            end
          end
        end
      end

      task "native:#{@gem_spec.name}:#{platf}" => ["#{stage_path}/#{lib_binary_path}"]

      file lib_binary_path => ["copy:#{@name}:#{platf}:#{ruby_ver}"] unless Rake::Task.task_defined?(lib_binary_path)

      file "#{stage_path}/#{lib_binary_path}" => ["copy:#{@name}:#{platf}:#{ruby_ver}"]

      task "native:#{platf}" => ["native:#{@gem_spec.name}:#{platf}"]

      if platf == RUBY_PLATFORM
        task "native:#{@gem_spec.name}" => ["native:#{@gem_spec.name}:#{platf}"]
        task "native" => ["native:#{platf}"]
      end
    end

    def define_cross_platform_tasks(for_platform)
      ruby_vers = ENV["RUBY_CC_VERSION"] ? ENV["RUBY_CC_VERSION"].split(":") : [RUBY_VERSION]
      multi = ruby_vers.size > 1
      ruby_vers.each do |version|
        orig_lib_dir = @lib_dir
        @lib_dir = "#{@lib_dir}/#{version[/(\d+\.\d+)/, 1]}" if multi
        define_cross_platform_tasks_with_version(for_platform, version)
        @lib_dir = orig_lib_dir
      end
    end

    def define_cross_platform_tasks_with_version(for_platform, ruby_ver)
      config_path = File.expand_path("~/.rake-compiler/config.yml")
      unless File.exist?(config_path)
        define_dummy_cross_platform_tasks
        return
      end

      rbconfig_file = find_cross_rbconfig(config_path, ruby_ver, for_platform)
      unless rbconfig_file
        warn "no configuration section for specified version of Ruby (rbconfig-#{for_platform}-#{ruby_ver})"
        return
      end

      tmp_path = "#{@tmp_dir}/#{for_platform}/#{@name}/#{ruby_ver}"
      lib_binary_path = "#{lib_dir}/#{File.basename(binary(for_platform))}"
      mkmf_file = File.expand_path(File.join(File.dirname(rbconfig_file), "..", "mkmf.rb"))

      define_compile_tasks(for_platform, ruby_ver)

      file "#{tmp_path}/Makefile" => ["#{tmp_path}/fake.rb", "#{tmp_path}/mkmf.rb"]

      file "#{tmp_path}/fake.rb" => [rbconfig_file] do |t|
        File.open(t.name, "w") do |f|
          f.puts("require 'rbconfig'")
          f.puts("original_enable_shared = RbConfig::CONFIG['ENABLE_SHARED']")
          f.puts(fake_rb(for_platform, ruby_ver))
          f.puts(File.read(t.prerequisites.first))
          f.puts("RbConfig::CONFIG['ENABLE_SHARED'] = original_enable_shared")
        end
      end

      file "#{tmp_path}/mkmf.rb" => [mkmf_file] do |t|
        File.open(t.name, "w") do |f|
          content = File.read(t.prerequisites.first)
          content.sub!(/^(require ')rbconfig(')$/, '\\1fake\\2')
          f.write content
        end
      end

      define_native_tasks(for_platform, ruby_ver, @cross_compiling) if @gem_spec && @gem_spec.platform == "ruby"

      task "cross" do
        Rake::Task["compile"].prerequisites.reject! { |t| !compiles_cross_platform.include?(t) }
        task "compile" => ["compile:#{for_platform}"]
        Rake::Task[lib_binary_path].prerequisites.clear if Rake::Task.task_defined?(lib_binary_path)
        file lib_binary_path => ["copy:#{@name}:#{for_platform}:#{ruby_ver}"]
        if @gem_spec && @gem_spec.platform == "ruby"
          Rake::Task["native"].prerequisites.reject! { |t| !natives_cross_platform.include?(t) }
          task "native" => ["native:#{for_platform}"]
        end
      end
    end

    # The rbconfig.rb of the cross Ruby for this version and platform, from ~/.rake-compiler/config.yml.
    def find_cross_rbconfig(config_path, ruby_ver, for_platform)
      require "yaml"
      config = YAML.load_file(config_path) || {}
      config["rbconfig-#{for_platform}-#{ruby_ver}"]
    end

    def define_dummy_cross_platform_tasks
      task "cross" do
        Rake::Task["compile"].clear
        task "compile" do
          raise "rake-compiler must be configured first to enable cross-compilation"
        end
      end
    end

    def extconf
      "#{@ext_dir}/#{@config_script}"
    end

    def make
      @make ||= RUBY_PLATFORM =~ /mswin/ ? "nmake" : (ENV["MAKE"] || find_make)
      raise "Couldn't find a suitable `make` tool. Use `MAKE` env to set an alternative." unless @make
      @make
    end

    def find_make
      paths = (ENV["PATH"] || "").split(File::PATH_SEPARATOR)
      ["gmake", "make"].each do |candidate|
        paths.each do |path|
          make = File.join(path, "#{candidate}#{RbConfig::CONFIG['EXEEXT']}")
          return make if File.executable?(make)
        end
      end
      nil
    end

    def compiled_files
      FileList["#{@ext_dir}/#{@compiled_pattern}"]
    end

    def compiles_cross_platform
      [*@cross_platform].map { |p| "compile:#{p}" }
    end

    def natives_cross_platform
      [*@cross_platform].map { |p| "native:#{p}" }
    end

    def ruby_api_version(ruby_version)
      ruby_version.split(".")[0, 2].join(".")
    end

    def fake_rb(platform, version)
      [
        "require 'resolv'",
        "require 'rbconfig'",
        "class Object",
        "  remove_const :RbConfig",
        "  remove_const :RUBY_PLATFORM",
        "  remove_const :RUBY_VERSION",
        "  remove_const :RUBY_DESCRIPTION if defined?(RUBY_DESCRIPTION)",
        "  RUBY_PLATFORM = \"#{platform}\"",
        "  RUBY_VERSION = \"#{version}\"",
        "  RUBY_DESCRIPTION = \"ruby \#{RUBY_VERSION} (\#{RUBY_RELEASE_DATE}) [\#{RUBY_PLATFORM}]\"",
        "end",
        "if RUBY_PLATFORM =~ /mswin|bccwin|mingw/",
        "  class File",
        "    remove_const :ALT_SEPARATOR",
        "    ALT_SEPARATOR = \"\\\\\"",
        "  end",
        "end",
        "posthook = proc do",
        "  $ruby = \"#{Gem.ruby}\"",
        "  untrace_var(:$ruby, posthook)",
        "end",
        "trace_var(:$ruby, posthook)",
      ].join("\n")
    end
  end
end
