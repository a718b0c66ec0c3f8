"""Small libraries: RbConfig, Etc, SecureRandom, Timeout, Benchmark, Logger and the features that only succeed."""

from __future__ import annotations

import os
import re

from tests.runtime.test_interpreter_support import out, run_ruby


def test_always_loaded_constants_and_plain_features() -> None:
    src = r"""
    p defined?(RbConfig), defined?(Etc), defined?(Gem), defined?(OpenStruct), defined?(Set), defined?(Pathname)
    p %w[tmpdir fileutils English etc rbconfig rubygems ostruct].map { |f| require f }, require("tmpdir")
    p Dir.respond_to?(:mktmpdir), $PROGRAM_NAME.is_a?(String), $LOAD_PATH.equal?($:)
    """
    assert out(src) == (
        '"constant"\n"constant"\n"constant"\n"constant"\nnil\nnil\n'
        "[true, true, true, false, false, false, false]\nfalse\ntrue\ntrue\ntrue\n"
    )


def test_rbconfig() -> None:
    src = r"""
    c = RbConfig::CONFIG
    p c["host_os"], c["EXEEXT"], c["ruby_install_name"], c["MAJOR"], c["MINOR"], c["ruby_version"], c["DLEXT"]
    p RbConfig.ruby == File.join(c["bindir"], "ruby"), c["host_os"] =~ /linux/ ? :linux : :other, c.class
    """
    assert out(src) == '"linux-gnu"\n""\n"ruby"\n"3"\n"1"\n"3.1.0"\n"so"\ntrue\n:linux\nHash\n'


def test_etc() -> None:
    src = r"""
    p Etc.nprocessors.class, Etc.nprocessors > 0, Etc.uname.keys, Etc.systmpdir, Etc.sysconfdir
    u = Etc.getpwuid
    p u.name.class, u.uid == Process.uid, Etc.getpwnam(u.name).dir == u.dir
    """
    assert out(src) == (
        'Integer\ntrue\n[:sysname, :nodename, :release, :version, :machine]\n"/tmp"\n"/etc"\nString\ntrue\ntrue\n'
    )


def test_securerandom_formats() -> None:
    src = r"""
    require "securerandom"
    p SecureRandom.hex.size, SecureRandom.hex(4) =~ /\A\h{8}\z/, SecureRandom.random_bytes(4).bytesize
    p SecureRandom.uuid =~ /\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/, SecureRandom.random_number(10).between?(0, 9)
    p SecureRandom.random_number.class, SecureRandom.random_number(1..3).between?(1, 3), SecureRandom.alphanumeric(5) =~ /\A[A-Za-z0-9]{5}\z/
    p SecureRandom.base64(3).size, SecureRandom.urlsafe_base64.size
    """
    assert out(src) == "32\n0\n4\n0\ntrue\nFloat\ntrue\n0\n4\n22\n"


def test_timeout() -> None:
    src = r"""
    require "timeout"
    p Timeout.timeout(1) { 5 }, Timeout.timeout(nil) { 3 }, Timeout.timeout(2) { |s| s }, Timeout::Error.ancestors.take(3)
    p((Timeout.timeout(0.1) { sleep 1 } rescue $!), (Timeout.timeout(0.1, ArgumentError) { sleep 1 } rescue $!))
    p((Timeout.timeout(0.2) { Timeout.timeout(5) { sleep 2 } } rescue $!))
    r = begin
      Timeout.timeout(0.2) do
        begin
          sleep 2
        rescue => e
          p :not_rescued_here
        ensure
          p :ensured
        end
      end
    rescue => e
      e
    end
    p r
    """
    assert out(src) == (
        "5\n3\n2\n[Timeout::Error, RuntimeError, StandardError]\n"
        "#<Timeout::Error: execution expired>\n#<ArgumentError: execution expired>\n"
        "#<Timeout::Error: execution expired>\n:ensured\n#<Timeout::Error: execution expired>\n"
    )


def test_benchmark() -> None:
    src = r"""
    require "benchmark"
    t = Benchmark.measure { 1 }
    p t.class, t.to_a.size, t.real.class, Benchmark.realtime { }.class, (t + t).class, Benchmark.measure("l") { }.label
    print t.to_s, t.format("%n|%r\n")
    r = Benchmark.bm(7) { |x| x.report("for:") { 1 }; x.report { 2 } }
    p r.size, Benchmark::CAPTION
    """
    text = out(src)
    num = r"\d+\.\d{6}"
    assert re.fullmatch(
        r"Benchmark::Tms\n6\nFloat\nFloat\nBenchmark::Tms\n\"l\"\n"
        rf" +{num} +{num} +{num} \( +{num}\)\n\|\({num}\)\n"
        r" {14}user     system      total        real\n"
        rf"for: +{num} +{num} +{num} \( +{num}\)\n {{10}}{num} +{num} +{num} \( +{num}\)\n"
        r'2\n"      user     system      total        real\\n"\n',
        text,
    ), text


def test_logger_default_format() -> None:
    src = r"""
    require "logger"
    l = Logger.new($stdout)
    l.info("hello")
    l.warn("w")
    l.unknown("u")
    l.info("prog") { "blockmsg" }
    l.progname = "app"
    l.error("with prog")
    l.level = :warn
    l.info("hidden")
    p l.level, l.info?, l.warn?, Logger::DEBUG, Logger::UNKNOWN
    """
    lines = out(src).splitlines()
    stamp = rf"\[\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{6}} #{os.getpid()}\]"
    expected = [
        rf"I, {stamp}  INFO -- : hello",
        rf"W, {stamp}  WARN -- : w",
        rf"A, {stamp}   ANY -- : u",
        rf"I, {stamp}  INFO -- prog: blockmsg",
        rf"E, {stamp} ERROR -- app: with prog",
    ]
    for line, pattern in zip(lines, expected, strict=False):
        assert re.fullmatch(pattern, line), line
    assert lines[5:] == ["2", "false", "true", "0", "5"]


def test_logger_formatters_and_devices(tmp_path: object) -> None:
    log = os.path.join(str(tmp_path), "log.txt")
    src = rf"""
    require "logger"
    l = Logger.new($stdout, progname: "x")
    l.formatter = proc {{ |sev, time, prog, msg| "#{{sev}}: #{{msg}} (#{{prog}})\n" }}
    l.error("custom")
    l.error(nil)
    l.error(:sym)
    l << "raw\n"
    l.add(Logger::INFO, [1, 2])
    l2 = Logger.new($stdout, formatter: ->(s, t, p, m) {{ "#{{s[0]}} #{{m}}\n" }}, level: Logger::ERROR)
    l2.warn("dropped")
    l2.fatal("kept")
    l3 = Logger.new($stdout)
    l3.datetime_format = "%Y"
    l3.info(RuntimeError.new("boom"))
    Logger.new(nil).info("nowhere")
    f = Logger.new("{log}")
    f.info("to file")
    f.close
    p File.read("{log}").lines.last.end_with?("INFO -- : to file\n")
    """
    text, _ = run_ruby(src)
    head, stamped, tail = text.partition("I, [")
    assert head == "ERROR: custom (x)\nERROR: x (x)\nERROR: sym (x)\nraw\nINFO: [1, 2] (x)\nF kept\n"
    assert re.fullmatch(rf"\d{{4}} #{os.getpid()}\]  INFO -- : boom \(RuntimeError\)\n\ntrue\n", tail), tail
