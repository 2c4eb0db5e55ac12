"""Moves the child's view of the wall clock by a fixed number of seconds, so the verifier can re-run
tests "days later" and catch tests that depend on today's date. Monotonic clocks are left alone."""
import datetime as _datetime
import time as _time


def install(seconds):
  if not seconds:
    return
  real_time, real_time_ns = _time.time, _time.time_ns
  real_localtime, real_gmtime = _time.localtime, _time.gmtime
  real_ctime, real_strftime, real_asctime = _time.ctime, _time.strftime, _time.asctime
  shift_ns = int(seconds * 1_000_000_000)

  def time():
    return real_time() + seconds

  def time_ns():
    return real_time_ns() + shift_ns

  def localtime(secs=None):
    return real_localtime(time() if secs is None else secs)

  def gmtime(secs=None):
    return real_gmtime(time() if secs is None else secs)

  def ctime(secs=None):
    return real_ctime(time() if secs is None else secs)

  def strftime(fmt, t=None):
    return real_strftime(fmt, localtime() if t is None else t)

  def asctime(t=None):
    return real_asctime(localtime() if t is None else t)

  for name, fn in (("time", time), ("time_ns", time_ns), ("localtime", localtime),
                   ("gmtime", gmtime), ("ctime", ctime), ("strftime", strftime),
                   ("asctime", asctime)):
    setattr(_time, name, fn)

  class datetime(_datetime.datetime):
    @classmethod
    def now(cls, tz=None):
      return cls.fromtimestamp(time(), tz)

    @classmethod
    def today(cls):
      return cls.fromtimestamp(time())

    @classmethod
    def utcnow(cls):
      return cls.utcfromtimestamp(time())

  class date(_datetime.date):
    @classmethod
    def today(cls):
      return cls.fromtimestamp(time())

  for cls, real in ((datetime, _datetime.datetime), (date, _datetime.date)):
    cls.__name__, cls.__qualname__, cls.__module__ = real.__name__, real.__qualname__, "datetime"
  _datetime.datetime = datetime
  _datetime.date = date
