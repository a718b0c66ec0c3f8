"""``require "logger"``: Logger with Ruby's default formatter, levels, progname and custom formatters (Ruby source)."""

from __future__ import annotations

from typing import Any

from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.stdlib.prelude import load_prelude

SOURCE = r"""
class Logger
  module Severity
    DEBUG = 0
    INFO = 1
    WARN = 2
    ERROR = 3
    FATAL = 4
    UNKNOWN = 5
  end
  include Severity

  SEV_LABEL = ["DEBUG", "INFO", "WARN", "ERROR", "FATAL", "ANY"].freeze

  class Error < RuntimeError; end
  class ShiftingError < Error; end

  class Formatter
    Format = "%s, [%s #%d] %5s -- %s: %s\n"
    DatetimeFormat = "%Y-%m-%dT%H:%M:%S.%6N"

    attr_accessor :datetime_format

    def initialize
      @datetime_format = nil
    end

    def call(severity, time, progname, msg)
      Format % [severity[0, 1], format_datetime(time), Process.pid, severity, progname, msg2str(msg)]
    end

    private

    def format_datetime(time)
      time.strftime(@datetime_format || DatetimeFormat)
    end

    def msg2str(msg)
      case msg
      when ::String
        msg
      when ::Exception
        "#{msg.message} (#{msg.class})\n#{(msg.backtrace || []).join("\n")}"
      else
        msg.inspect
      end
    end
  end

  class LogDevice
    attr_reader :dev, :filename

    def initialize(log)
      if log.respond_to?(:write) && log.respond_to?(:close)
        @dev = log
      else
        @dev = File.open(log.to_s, "a")
        @dev.sync = true
        @filename = log.to_s
      end
    end

    def write(message)
      @dev.write(message)
    end

    def close
      @dev.close unless @dev == $stdout || @dev == $stderr || @dev == STDOUT || @dev == STDERR
    end
  end

  attr_reader :level
  attr_accessor :progname, :formatter

  def initialize(logdev, shift_age = 0, shift_size = 1048576, level: DEBUG, progname: nil,
                 formatter: nil, datetime_format: nil, binmode: false, shift_period_suffix: "%Y%m%d")
    self.level = level
    @progname = progname
    @default_formatter = Formatter.new
    @default_formatter.datetime_format = datetime_format
    @formatter = formatter
    @logdev = (logdev.nil? || logdev == File::NULL) ? nil : LogDevice.new(logdev)
  end

  def level=(severity)
    @level = case severity
      when Integer
        severity
      when String, Symbol
        case severity.to_s.downcase
        when "debug" then DEBUG
        when "info" then INFO
        when "warn" then WARN
        when "error" then ERROR
        when "fatal" then FATAL
        when "unknown" then UNKNOWN
        else raise ArgumentError, "invalid log level: #{severity}"
        end
      else
        raise ArgumentError, "invalid log level: #{severity}"
      end
  end
  alias_method :sev_threshold=, :level=
  alias_method :sev_threshold, :level

  def datetime_format=(format)
    @default_formatter.datetime_format = format
  end

  def datetime_format
    @default_formatter.datetime_format
  end

  def debug?; level <= DEBUG; end
  def info?; level <= INFO; end
  def warn?; level <= WARN; end
  def error?; level <= ERROR; end
  def fatal?; level <= FATAL; end

  def debug!; self.level = DEBUG; end
  def info!; self.level = INFO; end
  def warn!; self.level = WARN; end
  def error!; self.level = ERROR; end
  def fatal!; self.level = FATAL; end

  def add(severity, message = nil, progname = nil)
    severity ||= UNKNOWN
    return true if @logdev.nil? || severity < level
    progname = @progname if progname.nil?
    if message.nil?
      if block_given?
        message = yield
      else
        message = progname
        progname = @progname
      end
    end
    label = SEV_LABEL[severity] || "ANY"
    @logdev.write((@formatter || @default_formatter).call(label, Time.now, progname, message))
    true
  end
  alias log add

  def debug(progname = nil, &block); add(DEBUG, nil, progname, &block); end
  def info(progname = nil, &block); add(INFO, nil, progname, &block); end
  def warn(progname = nil, &block); add(WARN, nil, progname, &block); end
  def error(progname = nil, &block); add(ERROR, nil, progname, &block); end
  def fatal(progname = nil, &block); add(FATAL, nil, progname, &block); end
  def unknown(progname = nil, &block); add(UNKNOWN, nil, progname, &block); end

  def <<(msg)
    @logdev.write(msg) if @logdev
  end

  def close
    @logdev.close if @logdev
  end

  def reopen(logdev = nil)
    self
  end
end
"""


@default_feature("logger")
def _feature(rt: Any) -> None:
    """``require "logger"``: the Logger class."""
    load_prelude(rt, "logger", SOURCE)
