"""The task libraries: -T/-P/-D listings as rake 13.0.6 prints them (with the gems of the versions named in
pydrake/rake/lib), the commands their actions run, and the warning when a program is not installed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pydrake.rake import tasklibs

LIB = str(tasklibs.LIB_DIR)
HAVE_RUBY = shutil.which("ruby") is not None

RAKEFILES = {
    'testtask': (
        'require "rake/testtask"\n'
        '\n'
        'Rake::TestTask.new\n'
        'Rake::TestTask.new(units: :prep) do |t|\n'
        '  t.libs << "test"\n'
        '  t.test_files = FileList["test/unit/*_test.rb"]\n'
        '  t.verbose = true\n'
        'end\n'
        'Rake::TestTask.new("named") { |t| t.description = "Named tests" }\n'
        'task :prep\n'
    ),
    'package': (
        'require "rake/packagetask"\n'
        '\n'
        'Rake::PackageTask.new("mypkg", "1.2.3") do |p|\n'
        '  p.need_tar = true\n'
        '  p.need_zip = true\n'
        '  p.need_tar_bz2 = true\n'
        '  p.package_files.include("lib/**/*.rb", "README")\n'
        'end\n'
    ),
    'gempkg': (
        'require "rubygems/package_task"\n'
        '\n'
        'spec = Gem::Specification.new do |s|\n'
        '  s.name = "hello"\n'
        '  s.version = "0.1.0"\n'
        '  s.summary = "Hello"\n'
        '  s.authors = ["Me"]\n'
        '  s.license = "MIT"\n'
        '  s.files = ["lib/hello.rb"]\n'
        'end\n'
        'Gem::PackageTask.new(spec) do |pkg|\n'
        '  pkg.need_tar = true\n'
        'end\n'
    ),
    'bundler': (
        'require "bundler/gem_tasks"\n'
    ),
    'rspec': (
        'require "rspec/core/rake_task"\n'
        '\n'
        'RSpec::Core::RakeTask.new(:spec)\n'
        'desc "Custom"\n'
        'RSpec::Core::RakeTask.new(:fast, [:tag] => :prep) do |t, args|\n'
        '  t.pattern = "spec/fast/*_spec.rb"\n'
        '  t.rspec_opts = "--tag #{args[:tag]}"\n'
        '  t.verbose = false\n'
        'end\n'
        'task :prep\n'
    ),
    'rubocop': (
        'require "rubocop/rake_task"\n'
        '\n'
        'RuboCop::RakeTask.new\n'
        'RuboCop::RakeTask.new(:lint, [:a]) do |t|\n'
        '  t.patterns = ["lib/**/*.rb"]\n'
        '  t.options = ["--display-cop-names"]\n'
        '  t.formatters = ["progress"]\n'
        '  t.requires = ["rubocop-rake"]\n'
        'end\n'
    ),
    'rdoc': (
        'require "rdoc/task"\n'
        '\n'
        'RDoc::Task.new do |rd|\n'
        '  rd.main = "README.rdoc"\n'
        '  rd.rdoc_files.include("README.rdoc", "lib/**/*.rb")\n'
        'end\n'
        'RDoc::Task.new(:rdoc => "docs", :clobber_rdoc => "docs:clean", :rerdoc => "docs:force") do |rd|\n'
        '  rd.title = "T"\n'
        '  rd.rdoc_dir = "doc"\n'
        'end\n'
        'Rake::RDocTask.new(:apidoc)\n'
    ),
    'yard': (
        'require "yard"\n'
        '\n'
        'YARD::Rake::YardocTask.new\n'
        'YARD::Rake::YardocTask.new(:doc) do |t|\n'
        '  t.files = ["lib/**/*.rb", "-", "README.md"]\n'
        '  t.options = ["--private"]\n'
        '  t.stats_options = ["--list-undoc"]\n'
        'end\n'
    ),
    'extension': (
        'require "rake/extensiontask"\n'
        '\n'
        'spec = Gem::Specification.new do |s|\n'
        '  s.name = "hello"\n'
        '  s.version = "1.0.0"\n'
        '  s.summary = "hi"\n'
        '  s.authors = ["me"]\n'
        '  s.files = ["ext/hello/extconf.rb", "ext/hello/hello.c", "lib/hello.rb"]\n'
        'end\n'
        'Rake::ExtensionTask.new("hello", spec)\n'
        'Rake::ExtensionTask.new("foo/bar")\n'
    ),
    'makefile': (
        'require "rake/loaders/makefile"\n'
        'require "rake/phony"\n'
        '\n'
        'import "deps.mf"\n'
        'file "a.o" => :phony do\n'
        '  puts "build a.o"\n'
        'end\n'
        'task :default => "a.o"\n'
    ),
}

PROJECT_FILES = {
    'testtask': {'test/test_a.rb': 'puts "hi"\n', 'test/unit/x_test.rb': 'puts "unit"\n'},
    'package': {'lib/a.rb': 'x\n', 'README': 'r\n'},
    'gempkg': {'lib/hello.rb': 'x\n'},
    'bundler': {'lib/hello.rb': 'x\n', 'hello.gemspec': 'Gem::Specification.new do |s|\n  s.name = "hello"\n  s.version = "0.1.0"\n  s.summary = "Hello"\n  s.authors = ["Me"]\n  s.license = "MIT"\n  s.files = ["lib/hello.rb"]\nend\n'},
    'rdoc': {'README.rdoc': 'hi\n', 'lib/hello.rb': '# Hello\nclass Hello; end\n'},
    'extension': {'ext/hello/extconf.rb': 'require "mkmf"\ncreate_makefile("hello")\n', 'ext/hello/hello.c': '', 'lib/hello.rb': ''},
    'makefile': {'deps.mf': 'a.o: a.c a.h \\\n  b.h # comment\n# full comment\nmy\\ file.o b.o: c\\ d.h e.h\nnotarule\nx.o:\n\n', 'a.c': '', 'a.h': '', 'b.h': ''},
}

# What rake 13.0.6 printed for each Rakefile (its name replaced; PLATFORM for RUBY_PLATFORM).
LISTINGS = {
    ('testtask', '-T'): (
        'pydrake named  # Named tests\n'
        'pydrake test   # Run tests\n'
        'pydrake units  # Run tests for {:units=>:prep}\n'
    ),
    ('testtask', '-P'): (
        'pydrake named\n'
        'pydrake prep\n'
        'pydrake test\n'
        'pydrake units\n'
        '    prep\n'
    ),
    ('testtask', '-D'): (
        'pydrake named\n'
        '    Named tests\n'
        '\n'
        'pydrake test\n'
        '    Run tests\n'
        '\n'
        'pydrake units\n'
        '    Run tests for {:units=>:prep}\n'
        '\n'
    ),
    ('testtask', '-AT'): (
        'pydrake named  # Named tests\n'
        'pydrake prep   # \n'
        'pydrake test   # Run tests\n'
        'pydrake units  # Run tests for {:units=>:prep}\n'
    ),
    ('package', '-T'): (
        'pydrake clobber_package  # Remove package products\n'
        'pydrake package          # Build all the packages\n'
        'pydrake repackage        # Force a rebuild of the package files\n'
    ),
    ('package', '-P'): (
        'pydrake clobber\n'
        '    clobber_package\n'
        'pydrake clobber_package\n'
        'pydrake package\n'
        '    pkg/mypkg-1.2.3.tgz\n'
        '    pkg/mypkg-1.2.3.tar.bz2\n'
        '    pkg/mypkg-1.2.3.zip\n'
        'pydrake pkg\n'
        'pydrake pkg/mypkg-1.2.3\n'
        '    lib/a.rb\n'
        '    README\n'
        'pydrake pkg/mypkg-1.2.3.tar.bz2\n'
        '    pkg/mypkg-1.2.3\n'
        '    lib/a.rb\n'
        '    README\n'
        'pydrake pkg/mypkg-1.2.3.tgz\n'
        '    pkg/mypkg-1.2.3\n'
        '    lib/a.rb\n'
        '    README\n'
        'pydrake pkg/mypkg-1.2.3.zip\n'
        '    pkg/mypkg-1.2.3\n'
        '    lib/a.rb\n'
        '    README\n'
        'pydrake repackage\n'
        '    clobber_package\n'
        '    package\n'
    ),
    ('package', '-D'): (
        'pydrake clobber_package\n'
        '    Remove package products\n'
        '\n'
        'pydrake package\n'
        '    Build all the packages\n'
        '\n'
        'pydrake repackage\n'
        '    Force a rebuild of the package files\n'
        '\n'
    ),
    ('package', '-AT'): (
        'pydrake clobber                  # \n'
        'pydrake clobber_package          # Remove package products\n'
        'pydrake package                  # Build all the packages\n'
        'pydrake pkg                      # \n'
        'pydrake pkg/mypkg-1.2.3          # \n'
        'pydrake pkg/mypkg-1.2.3.tar.bz2  # \n'
        'pydrake pkg/mypkg-1.2.3.tgz      # \n'
        'pydrake pkg/mypkg-1.2.3.zip      # \n'
        'pydrake repackage                # Force a rebuild of the package files\n'
    ),
    ('gempkg', '-T'): (
        'pydrake clobber_package  # Remove package products\n'
        'pydrake gem              # Build the gem file hello-0.1.0.gem\n'
        'pydrake package          # Build all the packages\n'
        'pydrake repackage        # Force a rebuild of the package files\n'
    ),
    ('gempkg', '-P'): (
        'pydrake clobber\n'
        '    clobber_package\n'
        'pydrake clobber_package\n'
        'pydrake gem\n'
        '    pkg/hello-0.1.0.gem\n'
        'pydrake package\n'
        '    pkg/hello-0.1.0.tgz\n'
        '    gem\n'
        'pydrake pkg\n'
        'pydrake pkg/hello-0.1.0\n'
        '    lib/hello.rb\n'
        'pydrake pkg/hello-0.1.0.gem\n'
        '    pkg\n'
        '    pkg/hello-0.1.0\n'
        '    lib/hello.rb\n'
        'pydrake pkg/hello-0.1.0.tgz\n'
        '    pkg/hello-0.1.0\n'
        '    lib/hello.rb\n'
        'pydrake repackage\n'
        '    clobber_package\n'
        '    package\n'
    ),
    ('gempkg', '-D'): (
        'pydrake clobber_package\n'
        '    Remove package products\n'
        '\n'
        'pydrake gem\n'
        '    Build the gem file hello-0.1.0.gem\n'
        '\n'
        'pydrake package\n'
        '    Build all the packages\n'
        '\n'
        'pydrake repackage\n'
        '    Force a rebuild of the package files\n'
        '\n'
    ),
    ('bundler', '-T'): (
        'pydrake build            # Build hello-0.1.0.gem into the pkg directory\n'
        'pydrake build:checksum   # Generate SHA512 checksum if hello-0.1.0.gem into the checksums directory\n'
        'pydrake clean            # Remove any temporary products\n'
        'pydrake clobber          # Remove any generated files\n'
        'pydrake install          # Build and install hello-0.1.0.gem into system gems\n'
        'pydrake install:local    # Build and install hello-0.1.0.gem into system gems without network access\n'
        'pydrake release[remote]  # Create tag v0.1.0 and build and push hello-0.1.0.gem to rubygems.org\n'
    ),
    ('bundler', '-P'): (
        'pydrake build\n'
        'pydrake build:checksum\n'
        '    build\n'
        'pydrake clean\n'
        'pydrake clobber\n'
        '    clean\n'
        'pydrake install\n'
        '    build\n'
        'pydrake install:local\n'
        '    build\n'
        'pydrake release\n'
        '    build\n'
        '    release:guard_clean\n'
        '    release:source_control_push\n'
        '    release:rubygem_push\n'
        'pydrake release:guard_clean\n'
        'pydrake release:rubygem_push\n'
        '    build\n'
        'pydrake release:source_control_push\n'
    ),
    ('bundler', '-D'): (
        'pydrake build\n'
        '    Build hello-0.1.0.gem into the pkg directory.\n'
        '\n'
        'pydrake build:checksum\n'
        '    Generate SHA512 checksum if hello-0.1.0.gem into the checksums directory.\n'
        '\n'
        'pydrake clean\n'
        '    Remove any temporary products.\n'
        '\n'
        'pydrake clobber\n'
        '    Remove any generated files.\n'
        '\n'
        'pydrake install\n'
        '    Build and install hello-0.1.0.gem into system gems.\n'
        '\n'
        'pydrake install:local\n'
        '    Build and install hello-0.1.0.gem into system gems without network access.\n'
        '\n'
        'pydrake release[remote]\n'
        '    Create tag v0.1.0 and build and push hello-0.1.0.gem to rubygems.org\n'
        '    To prevent publishing in RubyGems use `gem_push=no rake release`\n'
        '\n'
    ),
    ('bundler', '-AT'): (
        'pydrake build                                # Build hello-0.1.0.gem into the pkg directory\n'
        'pydrake build:checksum                       # Generate SHA512 checksum if hello-0.1.0.gem into the checksums directory\n'
        'pydrake clean                                # Remove any temporary products\n'
        'pydrake clobber                              # Remove any generated files\n'
        'pydrake install                              # Build and install hello-0.1.0.gem into system gems\n'
        'pydrake install:local                        # Build and install hello-0.1.0.gem into system gems without network access\n'
        'pydrake release[remote]                      # Create tag v0.1.0 and build and push hello-0.1.0.gem to rubygems.org\n'
        'pydrake release:guard_clean                  # \n'
        'pydrake release:rubygem_push                 # \n'
        'pydrake release:source_control_push[remote]  # \n'
    ),
    ('rspec', '-T'): (
        'pydrake fast[tag]  # Custom\n'
        'pydrake spec       # Run RSpec code examples\n'
    ),
    ('rspec', '-P'): (
        'pydrake fast\n'
        '    prep\n'
        'pydrake prep\n'
        'pydrake spec\n'
    ),
    ('rspec', '-D'): (
        'pydrake fast[tag]\n'
        '    Custom\n'
        '\n'
        'pydrake spec\n'
        '    Run RSpec code examples\n'
        '\n'
    ),
    ('rspec', '-AT'): (
        'pydrake fast[tag]  # Custom\n'
        'pydrake prep       # \n'
        'pydrake spec       # Run RSpec code examples\n'
    ),
    ('rubocop', '-T'): (
        'pydrake lint[a]                  # Run RuboCop\n'
        "pydrake lint:autocorrect[a]      # Autocorrect RuboCop offenses (only when it's safe)\n"
        'pydrake lint:autocorrect_all[a]  # Autocorrect RuboCop offenses (safe and unsafe)\n'
        'pydrake rubocop                  # Run RuboCop\n'
        "pydrake rubocop:autocorrect      # Autocorrect RuboCop offenses (only when it's safe)\n"
        'pydrake rubocop:autocorrect_all  # Autocorrect RuboCop offenses (safe and unsafe)\n'
    ),
    ('rubocop', '-P'): (
        'pydrake lint\n'
        'pydrake lint:auto_correct\n'
        'pydrake lint:autocorrect\n'
        'pydrake lint:autocorrect_all\n'
        'pydrake rubocop\n'
        'pydrake rubocop:auto_correct\n'
        'pydrake rubocop:autocorrect\n'
        'pydrake rubocop:autocorrect_all\n'
    ),
    ('rubocop', '-D'): (
        'pydrake lint[a]\n'
        '    Run RuboCop\n'
        '\n'
        'pydrake lint:autocorrect[a]\n'
        "    Autocorrect RuboCop offenses (only when it's safe).\n"
        '\n'
        'pydrake lint:autocorrect_all[a]\n'
        '    Autocorrect RuboCop offenses (safe and unsafe).\n'
        '\n'
        'pydrake rubocop\n'
        '    Run RuboCop\n'
        '\n'
        'pydrake rubocop:autocorrect\n'
        "    Autocorrect RuboCop offenses (only when it's safe).\n"
        '\n'
        'pydrake rubocop:autocorrect_all\n'
        '    Autocorrect RuboCop offenses (safe and unsafe).\n'
        '\n'
    ),
    ('rubocop', '-AT'): (
        'pydrake lint[a]                  # Run RuboCop\n'
        'pydrake lint:auto_correct[a]     # \n'
        "pydrake lint:autocorrect[a]      # Autocorrect RuboCop offenses (only when it's safe)\n"
        'pydrake lint:autocorrect_all[a]  # Autocorrect RuboCop offenses (safe and unsafe)\n'
        'pydrake rubocop                  # Run RuboCop\n'
        'pydrake rubocop:auto_correct     # \n'
        "pydrake rubocop:autocorrect      # Autocorrect RuboCop offenses (only when it's safe)\n"
        'pydrake rubocop:autocorrect_all  # Autocorrect RuboCop offenses (safe and unsafe)\n'
    ),
    ('rdoc', '-T'): (
        'pydrake apidoc          # Build RDoc HTML files\n'
        'pydrake clobber_apidoc  # Remove RDoc HTML files\n'
        'pydrake clobber_rdoc    # Remove RDoc HTML files\n'
        'pydrake docs            # Build RDoc HTML files\n'
        'pydrake docs:clean      # Remove RDoc HTML files\n'
        'pydrake docs:force      # Rebuild RDoc HTML files\n'
        'pydrake rdoc            # Build RDoc HTML files\n'
        'pydrake reapidoc        # Rebuild RDoc HTML files\n'
        'pydrake rerdoc          # Rebuild RDoc HTML files\n'
    ),
    ('rdoc', '-P'): (
        'pydrake apidoc\n'
        '    html/created.rid\n'
        'pydrake clobber\n'
        '    clobber_rdoc\n'
        '    docs:clean\n'
        '    clobber_apidoc\n'
        'pydrake clobber_apidoc\n'
        'pydrake clobber_rdoc\n'
        'pydrake doc\n'
        'pydrake doc/created.rid\n'
        '    Rakefile\n'
        'pydrake docs\n'
        '    doc/created.rid\n'
        'pydrake docs:clean\n'
        'pydrake docs:force\n'
        '    docs:clean\n'
        '    docs\n'
        'pydrake html\n'
        'pydrake html/created.rid\n'
        '    README.rdoc\n'
        '    lib/hello.rb\n'
        '    Rakefile\n'
        'pydrake rdoc\n'
        '    html/created.rid\n'
        'pydrake reapidoc\n'
        '    clobber_apidoc\n'
        '    apidoc\n'
        'pydrake rerdoc\n'
        '    clobber_rdoc\n'
        '    rdoc\n'
    ),
    ('rdoc', '-D'): (
        'pydrake apidoc\n'
        '    Build RDoc HTML files\n'
        '\n'
        'pydrake clobber_apidoc\n'
        '    Remove RDoc HTML files\n'
        '\n'
        'pydrake clobber_rdoc\n'
        '    Remove RDoc HTML files\n'
        '\n'
        'pydrake docs\n'
        '    Build RDoc HTML files\n'
        '\n'
        'pydrake docs:clean\n'
        '    Remove RDoc HTML files\n'
        '\n'
        'pydrake docs:force\n'
        '    Rebuild RDoc HTML files\n'
        '\n'
        'pydrake rdoc\n'
        '    Build RDoc HTML files\n'
        '\n'
        'pydrake reapidoc\n'
        '    Rebuild RDoc HTML files\n'
        '\n'
        'pydrake rerdoc\n'
        '    Rebuild RDoc HTML files\n'
        '\n'
    ),
    ('rdoc', '-AT'): (
        'pydrake apidoc            # Build RDoc HTML files\n'
        'pydrake clobber           # \n'
        'pydrake clobber_apidoc    # Remove RDoc HTML files\n'
        'pydrake clobber_rdoc      # Remove RDoc HTML files\n'
        'pydrake doc               # \n'
        'pydrake doc/created.rid   # \n'
        'pydrake docs              # Build RDoc HTML files\n'
        'pydrake docs:clean        # Remove RDoc HTML files\n'
        'pydrake docs:force        # Rebuild RDoc HTML files\n'
        'pydrake html              # \n'
        'pydrake html/created.rid  # \n'
        'pydrake rdoc              # Build RDoc HTML files\n'
        'pydrake reapidoc          # Rebuild RDoc HTML files\n'
        'pydrake rerdoc            # Rebuild RDoc HTML files\n'
    ),
    ('yard', '-T'): (
        'pydrake doc   # Generate YARD Documentation\n'
        'pydrake yard  # Generate YARD Documentation\n'
    ),
    ('yard', '-P'): (
        'pydrake doc\n'
        'pydrake yard\n'
    ),
    ('yard', '-D'): (
        'pydrake doc\n'
        '    Generate YARD Documentation\n'
        '\n'
        'pydrake yard\n'
        '    Generate YARD Documentation\n'
        '\n'
    ),
    ('extension', '-T'): (
        'pydrake clean            # Remove any temporary products\n'
        'pydrake clobber          # Remove any generated files\n'
        'pydrake compile          # Compile all the extensions\n'
        'pydrake compile:foo/bar  # Compile foo/bar\n'
        'pydrake compile:hello    # Compile hello\n'
    ),
    ('extension', '-P'): (
        'pydrake clean\n'
        'pydrake clobber\n'
        '    clean\n'
        'pydrake compile\n'
        '    compile:PLATFORM\n'
        'pydrake compile:foo/bar\n'
        '    compile:foo/bar:PLATFORM\n'
        'pydrake compile:foo/bar:PLATFORM\n'
        '    copy:foo/bar:PLATFORM:3.1.2\n'
        'pydrake compile:hello\n'
        '    compile:hello:PLATFORM\n'
        'pydrake compile:hello:PLATFORM\n'
        '    copy:hello:PLATFORM:3.1.2\n'
        'pydrake compile:PLATFORM\n'
        '    compile:hello:PLATFORM\n'
        '    compile:foo/bar:PLATFORM\n'
        'pydrake copy:foo/bar:PLATFORM:3.1.2\n'
        '    lib/foo\n'
        '    tmp/PLATFORM/foo/bar/3.1.2/foo/bar.so\n'
        '    tmp/PLATFORM/foo/bar/3.1.2/Makefile\n'
        '    tmp/PLATFORM/stage/lib/foo\n'
        'pydrake copy:hello:PLATFORM:3.1.2\n'
        '    lib\n'
        '    tmp/PLATFORM/hello/3.1.2/hello.so\n'
        '    tmp/PLATFORM/hello/3.1.2/Makefile\n'
        '    tmp/PLATFORM/stage/lib\n'
        '    tmp/PLATFORM/stage/ext/hello/extconf.rb\n'
        '    tmp/PLATFORM/stage/ext/hello/hello.c\n'
        '    tmp/PLATFORM/stage/lib/hello.rb\n'
        'pydrake lib\n'
        'pydrake lib/foo\n'
        'pydrake lib/foo/bar.so\n'
        '    copy:foo/bar:PLATFORM:3.1.2\n'
        'pydrake lib/hello.so\n'
        '    copy:hello:PLATFORM:3.1.2\n'
        'pydrake native\n'
        '    native:PLATFORM\n'
        'pydrake native:hello\n'
        '    native:hello:PLATFORM\n'
        'pydrake native:hello:PLATFORM\n'
        '    tmp/PLATFORM/stage/lib/hello.so\n'
        'pydrake native:PLATFORM\n'
        '    native:hello:PLATFORM\n'
        'pydrake tmp\n'
        'pydrake tmp/PLATFORM\n'
        'pydrake tmp/PLATFORM/foo\n'
        'pydrake tmp/PLATFORM/foo/bar\n'
        'pydrake tmp/PLATFORM/foo/bar/3.1.2\n'
        'pydrake tmp/PLATFORM/foo/bar/3.1.2/.rake-compiler-siteconf.rb\n'
        '    tmp/PLATFORM/foo/bar/3.1.2\n'
        'pydrake tmp/PLATFORM/foo/bar/3.1.2/Makefile\n'
        '    tmp/PLATFORM/foo/bar/3.1.2\n'
        '    ext/foo/bar/extconf.rb\n'
        '    tmp/PLATFORM/foo/bar/3.1.2/.rake-compiler-siteconf.rb\n'
        'pydrake tmp/PLATFORM/foo/bar/3.1.2/foo\n'
        'pydrake tmp/PLATFORM/foo/bar/3.1.2/foo/bar.so\n'
        '    tmp/PLATFORM/foo/bar/3.1.2/foo\n'
        '    tmp/PLATFORM/foo/bar/3.1.2/Makefile\n'
        'pydrake tmp/PLATFORM/hello\n'
        'pydrake tmp/PLATFORM/hello/3.1.2\n'
        'pydrake tmp/PLATFORM/hello/3.1.2/.rake-compiler-siteconf.rb\n'
        '    tmp/PLATFORM/hello/3.1.2\n'
        'pydrake tmp/PLATFORM/hello/3.1.2/Makefile\n'
        '    tmp/PLATFORM/hello/3.1.2\n'
        '    ext/hello/extconf.rb\n'
        '    tmp/PLATFORM/hello/3.1.2/.rake-compiler-siteconf.rb\n'
        'pydrake tmp/PLATFORM/hello/3.1.2/hello.so\n'
        '    tmp/PLATFORM/hello/3.1.2\n'
        '    tmp/PLATFORM/hello/3.1.2/Makefile\n'
        '    ext/hello/hello.c\n'
        'pydrake tmp/PLATFORM/stage\n'
        'pydrake tmp/PLATFORM/stage/ext\n'
        'pydrake tmp/PLATFORM/stage/ext/hello\n'
        'pydrake tmp/PLATFORM/stage/ext/hello/extconf.rb\n'
        '    tmp/PLATFORM/stage/ext/hello\n'
        '    ext/hello/extconf.rb\n'
        'pydrake tmp/PLATFORM/stage/ext/hello/hello.c\n'
        '    tmp/PLATFORM/stage/ext/hello\n'
        '    ext/hello/hello.c\n'
        'pydrake tmp/PLATFORM/stage/lib\n'
        'pydrake tmp/PLATFORM/stage/lib/foo\n'
        'pydrake tmp/PLATFORM/stage/lib/hello.rb\n'
        '    tmp/PLATFORM/stage/lib\n'
        '    lib/hello.rb\n'
        'pydrake tmp/PLATFORM/stage/lib/hello.so\n'
        '    copy:hello:PLATFORM:3.1.2\n'
    ),
    ('extension', '-D'): (
        'pydrake clean\n'
        '    Remove any temporary products.\n'
        '\n'
        'pydrake clobber\n'
        '    Remove any generated files.\n'
        '\n'
        'pydrake compile\n'
        '    Compile all the extensions\n'
        '\n'
        'pydrake compile:foo/bar\n'
        '    Compile foo/bar\n'
        '\n'
        'pydrake compile:hello\n'
        '    Compile hello\n'
        '\n'
    ),
    ('makefile', '-P'): (
        'pydrake a.o\n'
        '    phony\n'
        '    a.c\n'
        '    a.h\n'
        '    b.h\n'
        '    my file.o\n'
        '    b.o:\n'
        '    c d.h\n'
        '    e.h\n'
        'pydrake default\n'
        '    a.o\n'
        'pydrake phony\n'
        'pydrake x.o\n'
    ),
    ('makefile', '-AT'): (
        'pydrake a.o      # \n'
        'pydrake default  # \n'
        'pydrake phony    # \n'
        'pydrake x.o      # \n'
    ),
}


# ------------------------------------------------------------ helpers


def pydrake(cwd: Path, *args: str, env: dict[str, str] | None = None, bin_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run pydrake in ``cwd``; gems are looked up only in an empty $GEM_PATH unless ``env`` says otherwise."""
    exe = Path(sys.executable).with_name("pydrake")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "pydrake"]
    run_env = dict(os.environ)
    run_env.pop("GEM_HOME", None)
    run_env["GEM_PATH"] = str(cwd / ".no-gems")
    run_env.update(env or {})
    if bin_dir is not None:
        run_env["PATH"] = f"{bin_dir}{os.pathsep}{run_env.get('PATH', '')}"
    return subprocess.run(cmd + list(args), cwd=cwd, env=run_env, capture_output=True, text=True, timeout=120)


def project(tmp_path: Path, name: str, rakefile: str | None = None) -> Path:
    """A folder holding one of the Rakefiles above (or ``rakefile``) and its files."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "Rakefile").write_text(RAKEFILES[name] if rakefile is None else rakefile)
    for relative, content in PROJECT_FILES.get(name, {}).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return folder


def fake_program(bin_dir: Path, name: str, body: str = 'echo "{name} $*"\nexit ${{FAKE_STATUS:-0}}\n') -> Path:
    """A shell script standing in for ``name``: by default it prints its name and arguments."""
    bin_dir.mkdir(exist_ok=True)
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + body.format(name=name))
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def without(program: str) -> dict[str, str]:
    """A PATH on which ``program`` is not found (the rest of the usual tools still are)."""
    dirs = [d for d in os.environ.get("PATH", "").split(os.pathsep) if d and not os.path.exists(os.path.join(d, program))]
    return {"PATH": os.pathsep.join(dirs)}


@pytest.fixture(scope="module")
def ruby_platform(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("platform")
    result = pydrake(folder, "-p", "RUBY_PLATFORM")
    return result.stdout.strip().strip('"')


# ------------------------------------------------------------ listings


@pytest.mark.parametrize(("name", "option"), sorted(LISTINGS))
def test_listing_matches_rake(tmp_path: Path, name: str, option: str, ruby_platform: str) -> None:
    folder = project(tmp_path, name)
    result = pydrake(folder, option)
    assert result.returncode == 0, result.stderr
    assert result.stdout == LISTINGS[(name, option)].replace("PLATFORM", ruby_platform)


# ------------------------------------------------------------ Rake::TestTask


@pytest.mark.skipif(not HAVE_RUBY, reason="needs ruby")
def test_testtask_runs_the_test_files_through_the_loader(tmp_path: Path) -> None:
    folder = project(tmp_path, "testtask")
    quiet = pydrake(folder, "test")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "hi\n", "")
    verbose = pydrake(folder, "units")
    assert (verbose.returncode, verbose.stdout) == (0, "unit\n")
    assert verbose.stderr.endswith(f' -w -I"lib:test" {LIB}/rake/rake_test_loader.rb "test/unit/x_test.rb" \n')


@pytest.mark.skipif(not HAVE_RUBY, reason="needs ruby")
def test_testtask_failure_reports_the_status_and_with_verbose_the_command(tmp_path: Path) -> None:
    folder = project(tmp_path, "testtask")
    (folder / "test" / "test_b.rb").write_text("exit 2\n")
    quiet = pydrake(folder, "test")
    assert quiet.returncode == 1
    assert "pydrake aborted!\nCommand failed with status (2)\n" in quiet.stderr
    assert "Tasks: TOP => test\n" in quiet.stderr
    verbose = pydrake(folder, "units", "TEST=test/test_b.rb")
    loader = f"{LIB}/rake/rake_test_loader.rb"
    assert f'Command failed with status (2): [ruby -w -I"lib:test" {loader} "test/test_b.rb" ]\n' in verbose.stderr


def test_testtask_warns_when_ruby_is_missing(tmp_path: Path) -> None:
    folder = project(tmp_path, "testtask")
    result = pydrake(folder, "test", env={"RUBY": "/nonexistent/ruby"})
    assert result.returncode == 1
    assert result.stderr.startswith("pydrake: warning: /nonexistent/ruby is not installed (it comes with Ruby)\n")
    assert "Command failed with status (127)\n" in result.stderr


def test_testtask_options_make_the_command_line(tmp_path: Path) -> None:
    rakefile = (
        'require "rake/testtask"\n'
        "Rake::TestTask.new(:a) do |t|\n"
        "  t.loader = :direct\n"
        "  t.verbose = true\n"
        "  t.warning = false\n"
        "  t.libs = []\n"
        '  t.ruby_opts << "-rset"\n'
        '  t.options = "-v"\n'
        '  t.test_files = ["t1.rb"]\n'
        "end\n"
    )
    folder = project(tmp_path, "testtask", rakefile)
    result = pydrake(folder, "-n", "a", env={"RUBY": "/nonexistent/ruby"})
    assert result.returncode == 0
    stub = fake_program(tmp_path / "bin", "fakeruby", 'echo "$*"\n')
    result = pydrake(folder, "a", env={"RUBY": str(stub)})
    assert result.stderr.endswith(' -rset -e "ARGV.each{|f| require f}" "t1.rb" -v\n')
    assert result.stdout == "-rset -e ARGV.each{|f| require f} t1.rb -v\n"


# ------------------------------------------------------------ Rake::PackageTask and Gem::PackageTask


@pytest.mark.skipif(not all(shutil.which(p) for p in ("tar", "zip", "bzip2")), reason="needs tar, zip and bzip2")
def test_packagetask_builds_the_archives(tmp_path: Path) -> None:
    folder = project(tmp_path, "package")
    result = pydrake(folder, "package")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "tar zcvf mypkg-1.2.3.tgz mypkg-1.2.3\n"
        "tar jcvf mypkg-1.2.3.tar.bz2 mypkg-1.2.3\n"
        "zip -r mypkg-1.2.3.zip mypkg-1.2.3\n"
    )
    messages = [line for line in result.stdout.splitlines() if not line.startswith(("mypkg-1.2.3", "  adding:"))]
    assert messages == [
        "mkdir -p pkg/mypkg-1.2.3/lib",
        "rm -f pkg/mypkg-1.2.3/lib/a.rb",
        "ln lib/a.rb pkg/mypkg-1.2.3/lib/a.rb",
        "rm -f pkg/mypkg-1.2.3/README",
        "ln README pkg/mypkg-1.2.3/README",
        "cd pkg", "cd -", "cd pkg", "cd -", "cd pkg", "cd -",
    ]
    for archive in ("mypkg-1.2.3.tgz", "mypkg-1.2.3.tar.bz2", "mypkg-1.2.3.zip"):
        assert (folder / "pkg" / archive).is_file()
    clobber = pydrake(folder, "clobber")
    assert (clobber.returncode, clobber.stdout) == (0, "rm -r pkg\n")
    assert not (folder / "pkg").exists()


def test_packagetask_warns_when_the_archiver_is_missing(tmp_path: Path) -> None:
    rakefile = RAKEFILES["package"].replace("p.need_zip = true", 'p.need_zip = true\n  p.zip_command = "no-such-zip"')
    rakefile = rakefile.replace("  p.need_tar = true\n", "").replace("  p.need_tar_bz2 = true\n", "")
    folder = project(tmp_path, "package", rakefile)
    result = pydrake(folder, "package")
    assert result.returncode == 1
    assert "pydrake: warning: no-such-zip is not installed\nno-such-zip -r mypkg-1.2.3.zip mypkg-1.2.3\n" in result.stderr
    assert "Command failed with status (127): [no-such-zip -r mypkg-1.2.3.zip mypkg-1.2.3...]\n" in result.stderr
    assert "Tasks: TOP => package => pkg/mypkg-1.2.3.zip\n" in result.stderr


def test_packagetask_needs_a_version(tmp_path: Path) -> None:
    folder = project(tmp_path, "package", 'require "rake/packagetask"\nRake::PackageTask.new("x")\n')
    result = pydrake(folder, "-T")
    assert result.returncode == 1
    assert result.stderr.startswith("pydrake aborted!\nVersion required (or :noversion)\n")


@pytest.mark.skipif(not (HAVE_RUBY and shutil.which("gem")), reason="needs ruby and rubygems")
def test_gem_package_task_builds_the_gem(tmp_path: Path) -> None:
    folder = project(tmp_path, "gempkg")
    result = pydrake(folder, "gem")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "mkdir -p pkg\n"
        "mkdir -p pkg/hello-0.1.0/lib\n"
        "rm -f pkg/hello-0.1.0/lib/hello.rb\n"
        "ln lib/hello.rb pkg/hello-0.1.0/lib/hello.rb\n"
        "cd pkg/hello-0.1.0\n"
        "  Successfully built RubyGem\n"
        "  Name: hello\n"
        "  Version: 0.1.0\n"
        "  File: hello-0.1.0.gem\n"
        "cd -\n"
    )
    assert (folder / "pkg" / "hello-0.1.0.gem").is_file()


def test_gem_package_task_without_a_block_defines_nothing(tmp_path: Path) -> None:
    rakefile = RAKEFILES["gempkg"].replace("Gem::PackageTask.new(spec) do |pkg|\n  pkg.need_tar = true\nend\n", "Gem::PackageTask.new(spec)\n")
    folder = project(tmp_path, "gempkg", rakefile)
    result = pydrake(folder, "-P")
    assert (result.returncode, result.stdout) == (0, "")


# ------------------------------------------------------------ Bundler


GEM_STUB = 'echo "$*" >> gem.log\ncase "$1" in build) touch hello-0.1.0.gem;; esac\n'


def test_gem_tasks_need_the_gemspec(tmp_path: Path) -> None:
    folder = project(tmp_path, "bundler")
    (folder / "hello.gemspec").unlink()
    result = pydrake(folder, "-T")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "pydrake aborted!\n"
        "Unable to determine name from existing gemspec. Use :name => 'gemname' in #install_tasks to manually set it.\n"
    )
    assert f"{folder}/Rakefile:1:in `<top (required)>'\n" in result.stderr


def test_gem_tasks_build_and_install_with_the_gem_command(tmp_path: Path) -> None:
    folder = project(tmp_path, "bundler")
    stub = fake_program(tmp_path / "bin", "gem", GEM_STUB)
    result = pydrake(folder, "install:local", env={"GEM_COMMAND": str(stub)})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello 0.1.0 built to pkg/hello-0.1.0.gem.\nhello (0.1.0) installed.\n"
    assert (folder / "pkg" / "hello-0.1.0.gem").is_file()
    assert (folder / "gem.log").read_text() == (
        f"build -V {folder}/hello.gemspec\n"
        f"install {folder}/pkg/hello-0.1.0.gem --local\n"
    )


def test_gem_tasks_checksum(tmp_path: Path) -> None:
    folder = project(tmp_path, "bundler")
    stub = fake_program(tmp_path / "bin", "gem", GEM_STUB)
    result = pydrake(folder, "build:checksum", env={"GEM_COMMAND": str(stub)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "hello 0.1.0 checksum written to checksums/hello-0.1.0.gem.sha512."
    digest = (folder / "checksums" / "hello-0.1.0.gem.sha512").read_text()
    assert digest == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e\n"


def test_gem_tasks_report_a_missing_gem_command(tmp_path: Path) -> None:
    folder = project(tmp_path, "bundler")
    result = pydrake(folder, "build", env={"GEM_COMMAND": "no-such-gem"})
    assert result.returncode == 1
    assert result.stderr.startswith(
        "pydrake: warning: no-such-gem is not installed\n"
        "pydrake aborted!\n"
        "Errno::ENOENT: No such file or directory - no-such-gem\n"
    )


def test_install_tasks_with_an_explicit_name(tmp_path: Path) -> None:
    folder = project(tmp_path, "bundler", 'require "bundler/gem_helper"\nBundler::GemHelper.install_tasks(name: "hello")\n')
    result = pydrake(folder, "-T")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "pydrake build            # Build hello-0.1.0.gem into the pkg directory"
    assert "clean" not in result.stdout


def test_bundler_setup_and_require(tmp_path: Path) -> None:
    rakefile = 'require "bundler/setup"\nrequire "bundler"\nBundler.require(:default)\ntask(:a) { puts Bundler::VERSION }\n'
    folder = project(tmp_path, "bundler", rakefile)
    missing = pydrake(folder, "a", env={"BUNDLE_GEMFILE": ""})
    assert missing.returncode == 1
    assert missing.stderr.startswith("pydrake aborted!\nBundler::GemfileNotFound: Could not locate Gemfile or .bundle/ directory\n")
    (folder / "Gemfile").write_text('source "https://rubygems.org"\n')
    found = pydrake(folder, "a")
    assert (found.returncode, found.stdout) == (0, "2.3.7\n")


# ------------------------------------------------------------ RSpec, RuboCop, RDoc, YARD, Cucumber

RSPEC_PATTERN = "spec/\\*\\*\\{,/\\*/\\*\\*\\}/\\*_spec.rb"


def test_rspec_task_runs_rspec(tmp_path: Path) -> None:
    folder = project(tmp_path, "rspec")
    fake_program(tmp_path / "bin", "rspec")
    result = pydrake(folder, "spec", bin_dir=tmp_path / "bin")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"rspec --pattern {RSPEC_PATTERN}\nrspec --pattern spec/**{{,/*/**}}/*_spec.rb\n"
    quiet = pydrake(folder, "fast[smoke]", bin_dir=tmp_path / "bin")
    assert (quiet.returncode, quiet.stdout) == (0, "rspec --pattern spec/fast/*_spec.rb --tag smoke\n")


def test_rspec_task_failure_exits_with_the_status(tmp_path: Path) -> None:
    folder = project(tmp_path, "rspec")
    fake_program(tmp_path / "bin", "rspec")
    result = pydrake(folder, "spec", bin_dir=tmp_path / "bin", env={"FAKE_STATUS": "3"})
    assert result.returncode == 3
    assert result.stderr == f"rspec --pattern {RSPEC_PATTERN} failed\n"


def test_rspec_task_warns_when_rspec_is_missing(tmp_path: Path) -> None:
    folder = project(tmp_path, "rspec")
    result = pydrake(folder, "spec", env=without("rspec"))
    assert result.returncode == 127
    assert result.stdout == f"rspec --pattern {RSPEC_PATTERN}\n"
    lines = result.stderr.splitlines()
    assert lines[0] == "pydrake: warning: rspec is not installed (it comes with the rspec-core gem)"
    assert lines[-1] == f"rspec --pattern {RSPEC_PATTERN} failed"


def test_rspec_task_uses_the_installed_gem(tmp_path: Path) -> None:
    gems = tmp_path / "gems"
    for gem in ("rspec-core-3.9.0", "rspec-core-3.12.0", "rspec-support-3.12.0"):
        (gems / "gems" / gem / "lib").mkdir(parents=True)
    folder = project(tmp_path, "rspec")
    result = pydrake(folder, "spec", env={"GEM_PATH": str(gems), "RUBY": "/bin/echo"})
    core, support = gems / "gems" / "rspec-core-3.12.0", gems / "gems" / "rspec-support-3.12.0"
    command = f"/bin/echo -I{support}/lib:{core}/lib {core}/exe/rspec --pattern {RSPEC_PATTERN}"
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{command}\n-I{support}/lib:{core}/lib {core}/exe/rspec --pattern spec/**{{,/*/**}}/*_spec.rb\n"


def test_rubocop_tasks_run_rubocop(tmp_path: Path) -> None:
    folder = project(tmp_path, "rubocop")
    fake_program(tmp_path / "bin", "rubocop")
    plain = pydrake(folder, "rubocop", bin_dir=tmp_path / "bin")
    assert (plain.returncode, plain.stdout) == (0, "Running RuboCop...\nrubocop \n")
    fix = pydrake(folder, "lint:autocorrect_all", bin_dir=tmp_path / "bin")
    assert fix.stdout == (
        "Running RuboCop...\n"
        "rubocop --autocorrect-all --format progress --require rubocop-rake --display-cop-names lib/**/*.rb\n"
    )
    failed = pydrake(folder, "rubocop", bin_dir=tmp_path / "bin", env={"FAKE_STATUS": "1"})
    assert (failed.returncode, failed.stderr) == (1, "RuboCop failed!\n")


def test_rubocop_task_warns_when_rubocop_is_missing(tmp_path: Path) -> None:
    folder = project(tmp_path, "rubocop")
    result = pydrake(folder, "rubocop", env=without("rubocop"))
    assert (result.returncode, result.stdout) == (1, "Running RuboCop...\n")
    assert result.stderr == "pydrake: warning: rubocop is not installed (it comes with the rubocop gem)\nRuboCop failed!\n"


def test_rdoc_task_runs_rdoc(tmp_path: Path) -> None:
    folder = project(tmp_path, "rdoc")
    fake_program(tmp_path / "bin", "rdoc")
    result = pydrake(folder, "--trace", "rdoc", bin_dir=tmp_path / "bin")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "rdoc -o html --main README.rdoc README.rdoc lib/hello.rb\nrdoc -o html\n"
    assert "** Execute html/created.rid\nrdoc -o html --main README.rdoc README.rdoc lib/hello.rb\nrdoc -o html\n" in result.stderr


def test_yard_task_runs_yardoc_then_stats(tmp_path: Path) -> None:
    folder = project(tmp_path, "yard")
    fake_program(tmp_path / "bin", "yardoc")
    fake_program(tmp_path / "bin", "yard")
    result = pydrake(folder, "doc", bin_dir=tmp_path / "bin")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "yardoc --private --no-stats lib/**/*.rb - README.md\nyard stats --list-undoc --use-cache\n"


def test_yard_task_warns_when_yardoc_is_missing(tmp_path: Path) -> None:
    folder = project(tmp_path, "yard")
    result = pydrake(folder, "yard", env=without("yardoc"))
    assert result.returncode == 1
    assert result.stderr.startswith("pydrake: warning: yardoc is not installed (it comes with the yard gem)\npydrake aborted!\n")
    assert "Command failed with status (127): [yardoc...]\n" in result.stderr


CUCUMBER_RAKEFILE = """require "cucumber/rake/task"

Cucumber::Rake::Task.new
Cucumber::Rake::Task.new(:features) do |t|
  t.cucumber_opts = "--format pretty"
  t.profile = "ci"
  t.binary = "bin/cucumber"
end
Cucumber::Rake::Task.new(:wip, "Run work in progress") do |t|
  t.fork = false
end
"""


def test_cucumber_tasks_are_listed(tmp_path: Path) -> None:
    folder = project(tmp_path, "cucumber", CUCUMBER_RAKEFILE)
    listing = pydrake(folder, "-T")
    assert listing.stdout == (
        "pydrake cucumber  # Run Cucumber features\n"
        "pydrake features  # Run Cucumber features\n"
        "pydrake wip       # Run work in progress\n"
    )
    assert pydrake(folder, "-P").stdout == "pydrake cucumber\npydrake features\npydrake wip\n"


@pytest.mark.skipif(not HAVE_RUBY, reason="needs ruby")
def test_cucumber_task_runs_the_binary_under_ruby(tmp_path: Path) -> None:
    folder = project(tmp_path, "cucumber", CUCUMBER_RAKEFILE)
    (folder / "bin").mkdir()
    (folder / "bin" / "cucumber").write_text("puts ARGV.inspect\n")
    result = pydrake(folder, "features")
    assert result.returncode == 0, result.stderr
    assert result.stdout == '["--format", "pretty", "--profile", "ci"]\n'
    assert result.stderr.endswith(f' -I "lib" "{folder}/bin/cucumber" --format pretty --profile ci\n')


def test_cucumber_task_warns_when_cucumber_is_missing(tmp_path: Path) -> None:
    folder = project(tmp_path, "cucumber", CUCUMBER_RAKEFILE)
    result = pydrake(folder, "wip", env=without("cucumber"))
    assert result.returncode == 1
    assert result.stderr.startswith("pydrake: warning: cucumber is not installed (it comes with the cucumber gem)\n")
    assert "pydrake aborted!\nCucumber failed\n" in result.stderr


# ------------------------------------------------------------ imports, phony, TaskLib


def test_makefile_dependencies_become_file_tasks(tmp_path: Path) -> None:
    folder = project(tmp_path, "makefile")
    result = pydrake(folder)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "pydrake aborted!\nDon't know how to build task 'my file.o' (See the list of available tasks with `pydrake --tasks`)\n"
    )


def test_add_loader_reads_imports_with_that_extension(tmp_path: Path) -> None:
    rakefile = (
        "class ListLoader\n"
        "  include Rake::DSL\n"
        "  def load(fn)\n"
        "    File.readlines(fn).each { |line| task line.strip }\n"
        "  end\n"
        "end\n"
        'Rake.application.add_loader("list", ListLoader.new)\n'
        'import "tasks.list"\n'
    )
    folder = project(tmp_path, "makefile", rakefile)
    (folder / "tasks.list").write_text("one\ntwo\n")
    result = pydrake(folder, "-P")
    assert (result.returncode, result.stdout) == (0, "pydrake one\npydrake two\n")


def test_phony_prerequisite_does_not_make_a_file_out_of_date(tmp_path: Path) -> None:
    rakefile = (
        'require "rake/phony"\n'
        'file "out.txt" => :phony do\n'
        '  puts "building"\n'
        '  touch "out.txt", verbose: false\n'
        "end\n"
        'task(:check) { p Rake::Task["out.txt"].needed? }\n'
    )
    folder = project(tmp_path, "makefile", rakefile)
    assert pydrake(folder, "out.txt", "check").stdout == "building\nfalse\n"
    assert pydrake(folder, "out.txt", "check").stdout == "false\n"


def test_tasklib_subclasses_define_tasks_and_copy_their_settings(tmp_path: Path) -> None:
    rakefile = (
        'require "rake/tasklib"\n'
        "class Greeter < Rake::TaskLib\n"
        "  attr_accessor :names, :verbose\n"
        "  def initialize(name)\n"
        "    @names = []\n"
        "    @verbose = false\n"
        "    yield self if block_given?\n"
        '    desc "Greet #{@names.join(", ")}"\n'
        "    task(name) { RakeFileUtils.verbose(verbose) { sh \"echo hi\" } }\n"
        "  end\n"
        "end\n"
        'g = Greeter.new(:hello) { |t| t.names << "a" }\n'
        "copy = g.dup\n"
        'copy.names << "b"\n'
        "p g.names, copy.names\n"
    )
    folder = project(tmp_path, "makefile", rakefile)
    listing = pydrake(folder, "-T")
    assert listing.stdout == '["a"]\n["a", "b"]\npydrake hello  # Greet a\n'
    run = pydrake(folder, "hello")
    assert (run.stdout, run.stderr) == ('["a"]\n["a", "b"]\nhi\n', "")


# ------------------------------------------------------------ finding programs and gems


def test_gem_dir_finds_the_newest_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for gem in ("rspec-core-3.9.0", "rspec-core-3.12.0", "rspec-core-ext-9.0.0", "rspec-support-3.12.0"):
        (tmp_path / "gems" / gem).mkdir(parents=True)
    monkeypatch.setenv("GEM_PATH", str(tmp_path))
    assert tasklibs.gem_dir("rspec-core") == str(tmp_path / "gems" / "rspec-core-3.12.0")
    assert tasklibs.gem_dir("cucumber") is None


def test_gem_search_dirs_follow_gem_path_and_gem_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEM_PATH", "/a:/b")
    monkeypatch.delenv("GEM_HOME", raising=False)
    assert tasklibs.gem_search_dirs() == ["/a", "/b", tasklibs.DEFAULT_GEM_HOME]
    monkeypatch.setenv("GEM_HOME", "/home")
    monkeypatch.setenv("GEM_PATH", "/a:")
    dirs = tasklibs.gem_search_dirs()
    assert dirs[:2] == ["/a", "/home"] and "/usr/share/rubygems-integration/all" in dirs
    monkeypatch.delenv("GEM_PATH")
    assert tasklibs.gem_search_dirs()[0] == "/home"


def test_which_and_the_warning(tmp_path: Path) -> None:
    tool = fake_program(tmp_path, "tool")
    assert tasklibs.which(str(tool)) == str(tool)
    assert tasklibs.which(str(tmp_path / "absent")) is None
    assert tasklibs.which("sh") is not None
    assert tasklibs.missing_program_warning("pydrake", "rspec", "the rspec-core gem") == (
        "pydrake: warning: rspec is not installed (it comes with the rspec-core gem)\n"
    )
    assert tasklibs.missing_program_warning("pydrake", "zip", None) == "pydrake: warning: zip is not installed\n"


def test_collapse_backtrace_leaves_out_the_libraries_frames() -> None:
    lines = [f"{LIB}/rake/testtask.rb:49:in `block in define'", "/p/Rakefile:3:in `<top (required)>'"]
    assert tasklibs.collapse_backtrace(lines) == ["/p/Rakefile:3:in `<top (required)>'"]


def test_every_feature_has_its_ruby_file() -> None:
    for relative in tasklibs.RUBY_FEATURES.values():
        assert os.path.isfile(os.path.join(tasklibs.LIB_DIR, relative)), relative
    assert os.path.isfile(os.path.join(tasklibs.LIB_DIR, "rake", "rake_test_loader.rb"))
