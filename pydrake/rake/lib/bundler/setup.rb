# `require "bundler/setup"`: sets up nothing (the tasks run their programs as installed), and, as Bundler
# does outside a bundle, succeeds when there is no Gemfile.
require "bundler"
