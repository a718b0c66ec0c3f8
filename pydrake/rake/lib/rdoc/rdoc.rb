# `require "rdoc/rdoc"`: the RDoc module and RDoc::RDoc.
require "rdoc"
