"""OptionParser (always loaded, as under Rake): switches with arguments, conversions, errors and help, as Ruby 3.1's optparse.

The class and ``require "optparse"`` exist from the start (``stdlib/misc.py``); this Ruby source
runs the first time an OptionParser is created in an interpreter.
"""

from __future__ import annotations

from typing import Any

from pydrake.runtime.stdlib.prelude import load_prelude

SOURCE = r"""
class OptionParser
  class ParseError < RuntimeError
    attr_reader :args
    attr_accessor :reason

    def initialize(*args, additional: nil)
      @args = args
      @reason = nil
      super(args.join(" "))
    end

    def reason
      @reason || self.class::REASON
    end

    def message
      "#{reason}: #{@args.join(' ')}"
    end
    alias to_s message

    def recover(argv)
      argv[0, 0] = @args
      argv
    end
  end

  class AmbiguousOption < ParseError; REASON = "ambiguous option"; end
  class NeedlessArgument < ParseError; REASON = "needless argument"; end
  class MissingArgument < ParseError; REASON = "missing argument"; end
  class InvalidOption < ParseError; REASON = "invalid option"; end
  class InvalidArgument < ParseError; REASON = "invalid argument"; end
  class AmbiguousArgument < InvalidArgument; REASON = "ambiguous argument"; end
  ParseError::REASON = "parse error"

  # One switch: its spellings, argument style (nil, :required, :optional), conversion and handler.
  class Switch
    attr_reader :short, :long, :negatable, :arg, :style, :desc, :block, :conv

    def initialize(short, long, negatable, arg, style, desc, conv, block)
      @short, @long, @negatable, @arg, @style = short, long, negatable, arg, style
      @desc, @conv, @block = desc, conv, block
    end

    def key
      name = (@long[0] || @short[0]).sub(/\A-+/, "")
      name = name.sub(/\A\[no-\]/, "")
      name.to_sym
    end

    def summarize(width, max, indent)
      lines = []
      left = [@short.join(", ")]
      right = @desc.dup
      lopts = @long.dup
      while (s = lopts.shift)
        l = left[-1].length + s.length
        l += @arg.length if left.size == 1 && @arg
        left << +"" unless l < max || @short.empty?
        left[-1] << (left[-1].empty? ? " " * 4 : ", ") << s
      end
      left[0] << (left[1] ? @arg.sub(/\A(\[?)=/, '\1') + "," : @arg) if @arg
      mlen = left.map(&:length).max.to_i
      while mlen > width && (l = left.shift)
        mlen = left.map(&:length).max.to_i if l.length == mlen
        if l.length < width && (r = right[0]) && !r.empty?
          l = l.ljust(width) + " " + r
          right.shift
        end
        lines << indent + l
      end
      loop do
        l = left.shift
        r = right.shift
        break unless l || r
        l = l.to_s
        l = l.ljust(width) + " " + r if r && !r.empty?
        lines << indent + l
      end
      lines
    end
  end

  attr_writer :banner, :program_name, :version, :release
  attr_accessor :summary_width, :summary_indent, :default_argv

  def initialize(banner = nil, width = 32, indent = " " * 4)
    @banner = banner
    @summary_width = width
    @summary_indent = indent
    @program_name = nil
    @version = nil
    @release = nil
    @default_argv = ARGV
    @head = []
    @list = []
    @tail = []
    yield self if block_given?
  end

  def banner
    @banner || "Usage: #{program_name} [options]"
  end

  def program_name
    @program_name || File.basename($0, ".*")
  end

  def version
    @version || (defined?(::Version) ? ::Version : nil)
  end

  def release
    @release
  end

  def ver
    v = version
    return nil unless v
    str = +"#{program_name} #{[v].join('.')}"
    str << " (#{release})" if release
    str
  end

  def separator(string)
    @list << string
  end

  def on(*opts, &block)
    @list << make_switch(opts, block)
    self
  end
  alias def_option on

  def on_head(*opts, &block)
    @head << make_switch(opts, block)
    self
  end
  alias def_head_option on_head

  def on_tail(*opts, &block)
    @tail << make_switch(opts, block)
    self
  end
  alias def_tail_option on_tail

  def summarize(to = [], width = @summary_width, max = width - 1, indent = @summary_indent)
    (@head + @list + @tail).each do |item|
      lines = item.is_a?(Switch) ? item.summarize(width, max, indent) : [item.to_s]
      lines.each { |line| block_given? ? yield(line) : to << line + "\n" }
    end
    to
  end

  def help
    out = +banner.sub(/\n?\z/, "\n")
    summarize { |line| out << line << "\n" }
    out
  end
  alias to_s help

  def to_a
    help.lines
  end

  def inspect
    "#<OptionParser>"
  end

  def parse(*argv, into: nil)
    argv = argv[0].dup if argv.size == 1 && argv[0].is_a?(Array)
    parse!(argv, into: into)
  end

  def parse!(argv = default_argv, into: nil)
    ENV.include?("POSIXLY_CORRECT") ? order!(argv, into: into) : permute!(argv, into: into)
  end

  def order(*argv, into: nil, &nonopt)
    argv = argv[0].dup if argv.size == 1 && argv[0].is_a?(Array)
    order!(argv, into: into, &nonopt)
  end

  def order!(argv = default_argv, into: nil, &nonopt)
    rest = parse_in_order(argv, into, true, &nonopt)
    argv.replace(rest)
  end

  def permute(*argv, into: nil)
    argv = argv[0].dup if argv.size == 1 && argv[0].is_a?(Array)
    permute!(argv, into: into)
  end

  def permute!(argv = default_argv, into: nil)
    rest = parse_in_order(argv, into, false)
    argv.replace(rest)
  end

  def abort(mesg = $!)
    super("#{program_name}: #{mesg}")
  end

  def warn(mesg = $!)
    super("#{program_name}: #{mesg}")
  end

  private

  def switches
    @head + @list + @tail
  end

  def make_switch(opts, block)
    short, long, desc = [], [], []
    arg = nil
    style = nil
    conv = nil
    negatable = false
    handler = block
    opts.each do |o|
      case o
      when Proc, Method
        handler = o
      when Class
        conv = o
      when Array, Hash
        conv = o
      when /\A--\[no-\]([^\s=\[]+)(.*)\z/m
        long << "--[no-]#{$1}"
        negatable = true
        arg, style = parse_arg($2, arg, style)
      when /\A--([^\s=\[]+)(.*)\z/m
        long << "--#{$1}"
        arg, style = parse_arg($2, arg, style)
      when /\A-(.)(.*)\z/m
        short << "-#{$1}"
        a, s = parse_arg($2, nil, nil)
        if s
          arg, style = (arg || a), (style || s)
        end
      when String
        desc << o
      end
    end
    Switch.new(short, long, negatable, arg, style, desc, conv, handler)
  end

  def parse_arg(rest, arg, style)
    return [arg, style] if rest.nil? || rest.empty?
    text = rest
    if text =~ /\A\s*\[/ || text =~ /\A=\[/
      [arg || text, style || :optional]
    else
      [arg || text, style || :required]
    end
  end

  def search_long(name)
    table = {}
    switches.each do |sw|
      next unless sw.is_a?(Switch)
      sw.long.each do |l|
        if l.start_with?("--[no-]")
          base = l.sub("--[no-]", "")
          table[base] = [sw, true]
          table["no-" + base] = [sw, false]
        else
          table[l.sub(/\A--/, "")] = [sw, nil]
        end
      end
    end
    return table[name] if table.key?(name)
    hits = table.keys.select { |k| k.start_with?(name) }
    if hits.map { |k| table[k] }.uniq.size == 1
      table[hits[0]]
    elsif hits.empty?
      nil
    else
      :ambiguous
    end
  end

  def search_short(char)
    switches.each do |sw|
      next unless sw.is_a?(Switch)
      return sw if sw.short.include?("-#{char}")
    end
    nil
  end

  def parse_in_order(argv, into, stop_at_nonoption, &nonopt)
    rest = []
    argv = argv.dup
    while (arg = argv.shift)
      case arg
      when "--"
        rest.concat(argv)
        break
      when /\A--([^=]*)(?:=(.*))?\z/m
        name, value = $1, $2
        hit = search_long(name)
        if hit.nil? && name == "help"
          puts help
          exit
        end
        if hit.nil? && name == "version" && (v = ver)
          puts v
          exit
        end
        raise AmbiguousOption.new(arg) if hit == :ambiguous
        raise InvalidOption.new(arg) unless hit
        sw, flag = hit
        if sw.style.nil?
          raise NeedlessArgument.new(arg) if value
          call_switch(sw, flag.nil? ? true : flag, into, arg)
        elsif value
          call_switch(sw, convert(sw, value, [arg]), into, arg)
        else
          call_with_next_word(sw, argv, into, arg)
        end
      when /\A-(.)(.*)\z/m
        char, tail = $1, $2
        sw = search_short(char)
        unless sw
          hit = search_long(char)
          raise AmbiguousOption.new(arg) if hit == :ambiguous
          raise InvalidOption.new(arg) unless hit
          sw = hit[0]
        end
        if sw.style.nil?
          call_switch(sw, true, into, arg)
          argv.unshift("-" + tail) unless tail.empty?
        elsif !tail.empty?
          call_switch(sw, convert(sw, tail, [arg]), into, arg)
        else
          call_with_next_word(sw, argv, into, arg)
        end
      else
        if stop_at_nonoption
          if nonopt
            nonopt.call(arg)
            next
          end
          rest << arg
          rest.concat(argv)
          break
        end
        rest << arg
      end
    end
    rest
  end

  # A switch whose value is not in its own word: the next word when the switch needs one or the
  # next word is not an option, else none.
  def call_with_next_word(sw, argv, into, arg)
    if sw.style == :required
      raise MissingArgument.new(arg) if argv.empty?
      v = argv.shift
      call_switch(sw, convert(sw, v, [arg, v]), into, arg)
    elsif !argv.empty? && !argv[0].start_with?("-")
      v = argv.shift
      call_switch(sw, convert(sw, v, [arg, v]), into, arg)
    else
      call_switch(sw, convert(sw, nil, [arg]), into, arg)
    end
  end

  def call_switch(sw, value, into, arg)
    value = sw.block.call(value) if sw.block
    into[sw.key] = value if into
  end

  def convert(sw, value, args)
    conv = sw.conv
    if value.nil?
      return true if conv == TrueClass
      return false if conv == FalseClass
      return nil
    end
    return value if conv.nil? || conv == String || conv == Object
    case conv
    when Array
      hits = conv.select { |c| c.to_s.start_with?(value) }
      exact = conv.find { |c| c.to_s == value }
      return exact if exact
      raise AmbiguousArgument.new(*args) if hits.size > 1
      raise InvalidArgument.new(*args) if hits.empty?
      hits[0]
    when Hash
      key = conv.keys.find { |k| k.to_s == value } || begin
        hits = conv.keys.select { |k| k.to_s.start_with?(value) }
        raise AmbiguousArgument.new(*args) if hits.size > 1
        raise InvalidArgument.new(*args) if hits.empty?
        hits[0]
      end
      conv[key]
    else
      if conv == Integer
        begin
          Integer(value)
        rescue ArgumentError
          raise InvalidArgument.new(*args)
        end
      elsif conv == Float
        begin
          Float(value)
        rescue ArgumentError
          raise InvalidArgument.new(*args)
        end
      elsif conv == Numeric
        begin
          value.include?(".") || value =~ /e/i ? Float(value) : Integer(value)
        rescue ArgumentError
          raise InvalidArgument.new(*args)
        end
      elsif conv == Array
        value.split(",")
      elsif conv == Symbol
        value.to_sym
      elsif conv == Regexp
        Regexp.new(value)
      elsif conv == TrueClass || conv == FalseClass
        case value
        when /\A(?:\+|yes|true)\z/i then true
        when /\A(?:-|no|false|nil)\z/i then false
        else raise InvalidArgument.new(*args)
        end
      else
        value
      end
    end
  end
end
"""


def initialize(rt: Any, owner: Any, recv: Any, args: tuple[Any, ...], block: Any) -> Any:
    """Run the library's Ruby source in ``rt`` (once), then its ``OptionParser#initialize``."""
    load_prelude(rt, "optparse", SOURCE)
    method = rt.tables(owner).methods.get("initialize")
    if method is None:
        raise rt.no_method_error(recv, "initialize")
    return rt.call_method(method, recv, "initialize", args, None, block)


def is_invalid_option(rt: Any, exc: Any) -> bool:
    """Whether the Ruby exception ``exc`` is an OptionParser::InvalidOption (rake reports those by message only)."""
    parser = rt.constants.get("OptionParser")
    if parser is None:
        return False
    invalid = rt.tables(parser).constants.get("InvalidOption")
    return invalid is not None and rt.is_a(exc, invalid)
