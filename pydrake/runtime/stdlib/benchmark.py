"""``require "benchmark"``: Benchmark.realtime, measure, bm and the Tms timing record (Ruby source)."""

from __future__ import annotations

import os
from typing import Any

from pydrake.runtime.classes import PROCESS
from pydrake.runtime.interpreter import default_feature
from pydrake.runtime.objects import RProc, Symbol
from pydrake.runtime.stdlib.prelude import load_prelude

SOURCE = r"""
module Process
  Tms = Struct.new(:utime, :stime, :cutime, :cstime) unless const_defined?(:Tms)
end

module Benchmark
  class Tms
    CAPTION = "      user     system      total        real\n"
    FORMAT = "%10.6u %10.6y %10.6t %10.6r\n"

    attr_reader :utime, :stime, :cutime, :cstime, :real, :total, :label

    def initialize(utime = 0.0, stime = 0.0, cutime = 0.0, cstime = 0.0, real = 0.0, label = nil)
      @utime, @stime, @cutime, @cstime, @real, @label = utime, stime, cutime, cstime, real, label.to_s
      @total = @utime + @stime + @cutime + @cstime
    end

    def add
      self + Benchmark.measure { yield }
    end

    def +(other); memberwise(:+, other); end
    def -(other); memberwise(:-, other); end
    def *(other); memberwise(:*, other); end
    def /(other); memberwise(:/, other); end

    def format(format = nil, *args)
      str = (format || FORMAT).dup
      str = str.gsub(/(%[-+.\d]*)n/) { "#{$1}s" % label }
      str = str.gsub(/(%[-+.\d]*)u/) { "#{$1}f" % utime }
      str = str.gsub(/(%[-+.\d]*)y/) { "#{$1}f" % stime }
      str = str.gsub(/(%[-+.\d]*)U/) { "#{$1}f" % cutime }
      str = str.gsub(/(%[-+.\d]*)Y/) { "#{$1}f" % cstime }
      str = str.gsub(/(%[-+.\d]*)t/) { "#{$1}f" % total }
      str = str.gsub(/(%[-+.\d]*)r/) { "(#{$1}f)" % real }
      format ? str % args : str
    end

    def to_s
      format
    end

    def to_a
      [@label, @utime, @stime, @cutime, @cstime, @real]
    end

    def to_h
      { label: @label, utime: @utime, stime: @stime, cutime: @cutime, cstime: @cstime, real: @real }
    end

    def memberwise(op, x)
      case x
      when Benchmark::Tms
        Benchmark::Tms.new(utime.__send__(op, x.utime), stime.__send__(op, x.stime),
                           cutime.__send__(op, x.cutime), cstime.__send__(op, x.cstime),
                           real.__send__(op, x.real))
      else
        Benchmark::Tms.new(utime.__send__(op, x), stime.__send__(op, x),
                           cutime.__send__(op, x), cstime.__send__(op, x), real.__send__(op, x))
      end
    end
  end

  class Report
    attr_reader :list

    def initialize(width = 0, format = nil)
      @width, @format, @list = width, format, []
    end

    def item(label = "", *format, &blk)
      print label.to_s.ljust(@width)
      res = Benchmark.measure(label, &blk)
      @list << res
      print res.format(@format, *format)
      res
    end
    alias report item
  end

  CAPTION = Benchmark::Tms::CAPTION
  FORMAT = Benchmark::Tms::FORMAT

  module_function

  def measure(label = "")
    t0, r0 = Process.times, Process.clock_gettime(Process::CLOCK_MONOTONIC)
    yield
    t1, r1 = Process.times, Process.clock_gettime(Process::CLOCK_MONOTONIC)
    Benchmark::Tms.new(t1.utime - t0.utime, t1.stime - t0.stime, t1.cutime - t0.cutime,
                       t1.cstime - t0.cstime, r1 - r0, label)
  end

  def realtime
    r0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    yield
    Process.clock_gettime(Process::CLOCK_MONOTONIC) - r0
  end

  def benchmark(caption = "", label_width = nil, format = nil, *labels)
    label_width ||= 0
    label_width += 1
    format ||= FORMAT
    print " " * label_width + caption unless caption.empty?
    report = Report.new(label_width, format)
    results = yield(report)
    if Array === results
      results.grep(Tms).each { |t| print((labels.shift || t.label || "").ljust(label_width), t.format(format)) }
    end
    report.list
  end

  def bm(label_width = 0, *labels, &blk)
    benchmark(CAPTION, label_width, FORMAT, *labels, &blk)
  end
end
"""


def process_times(rt: Any, mod: Any, block: RProc | None = None) -> Any:
    """Process.times: user and system CPU seconds of this process and its waited-for children."""
    t = os.times()
    tms = rt.call(PROCESS, "const_get", Symbol.of("Tms"))
    return rt.call(tms, "new", t.user, t.system, t.children_user, t.children_system)


@default_feature("benchmark")
def _feature(rt: Any) -> None:
    """``require "benchmark"``: the Benchmark module and Process.times."""
    rt.add_smethod(PROCESS, "times", process_times)
    load_prelude(rt, "benchmark", SOURCE)
