# Rake::PackageTask: package, repackage and clobber_package, with tar/zip archives built by the tar and zip
# programs from a staging directory of links, as Rake 13.0.6 does.
require "rake/tasklib"

module Rake
  class PackageTask < TaskLib
    attr_accessor :name, :version, :package_dir, :package_files, :tar_command, :zip_command, :without_parent_dir
    attr_accessor :need_tar, :need_tar_gz, :need_tar_bz2, :need_tar_xz, :need_zip

    def initialize(name = nil, version = nil)
      init(name, version)
      yield self if block_given?
      define unless name.nil?
    end

    def init(name, version)
      @name = name
      @version = version
      @package_files = Rake::FileList.new
      @package_dir = "pkg"
      @need_tar = false
      @need_tar_gz = false
      @need_tar_bz2 = false
      @need_tar_xz = false
      @need_zip = false
      @tar_command = "tar"
      @zip_command = "zip"
      @without_parent_dir = false
    end

    def define
      fail "Version required (or :noversion)" if @version.nil?
      @version = nil if @version == :noversion

      desc "Build all the packages"
      task :package

      desc "Force a rebuild of the package files"
      task repackage: [:clobber_package, :package]

      desc "Remove package products"
      task :clobber_package do
        begin
          rm_r package_dir
        rescue StandardError
          nil
        end
      end

      task clobber: [:clobber_package]

      archives = [
        [need_tar, tgz_file, "z"],
        [need_tar_gz, tar_gz_file, "z"],
        [need_tar_bz2, tar_bz2_file, "j"],
        [need_tar_xz, tar_xz_file, "J"],
      ]
      archives.each do |needed, archive, flag|
        next unless needed
        task package: ["#{package_dir}/#{archive}"]
        file "#{package_dir}/#{archive}" => [package_dir_path] + package_files do
          chdir(working_dir) do
            Rake::TaskLibSupport.warn_if_missing(@tar_command)
            sh @tar_command, "#{flag}cvf", archive, target_dir
          end
          mv "#{package_dir_path}/#{target_dir}", package_dir if without_parent_dir
        end
      end

      if need_zip
        task package: ["#{package_dir}/#{zip_file}"]
        file "#{package_dir}/#{zip_file}" => [package_dir_path] + package_files do
          chdir(working_dir) do
            Rake::TaskLibSupport.warn_if_missing(@zip_command)
            sh @zip_command, "-r", zip_file, target_dir
          end
          mv "#{package_dir_path}/#{zip_file}", package_dir if without_parent_dir
        end
      end

      directory package_dir_path => @package_files do
        @package_files.each do |fn|
          staged = File.join(package_dir_path, fn)
          staged_dir = File.dirname(staged)
          mkdir_p(staged_dir) unless File.exist?(staged_dir)
          if File.directory?(fn)
            mkdir_p(staged)
          else
            rm_f staged
            safe_ln(fn, staged)
          end
        end
      end
      self
    end

    def package_name
      @version ? "#{@name}-#{@version}" : @name
    end

    def package_dir_path
      "#{package_dir}/#{package_name}"
    end

    def tgz_file
      "#{package_name}.tgz"
    end

    def tar_gz_file
      "#{package_name}.tar.gz"
    end

    def tar_bz2_file
      "#{package_name}.tar.bz2"
    end

    def tar_xz_file
      "#{package_name}.tar.xz"
    end

    def zip_file
      "#{package_name}.zip"
    end

    def working_dir
      without_parent_dir ? package_dir_path : package_dir
    end

    def target_dir
      without_parent_dir ? "." : package_name
    end
  end
end
