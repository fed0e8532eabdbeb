# orca-fixture: hooks not defined in the snippet, a decorated hook, and a transaction hook that takes one argument
# prefect: 3.4.20
# rule: hook-signature
# lines: none
import functools

from prefect import Task, flow
from alerts import page_oncall


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)

    return wrapper


@logged
def wrapped(state):
    print(state)


def committed(txn):
    print(txn)


def write_rows():
    return 1


write = Task(write_rows, on_commit=[committed])


@flow(on_failure=[page_oncall, wrapped])
def main():
    write()
