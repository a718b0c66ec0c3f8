# `require "bundler/gem_tasks"`: clean and clobber (removing pkg too), and the gem tasks of the one .gemspec.
require "rake/clean"
CLOBBER.include "pkg"

require "bundler/gem_helper"
Bundler::GemHelper.install_tasks
