# orca-fixture: .result() on elements of lists built from direct task calls: comprehension, loop, append, enumerate, zip
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 26 28 30 32 33
from prefect import flow, task


@task
def fetch(i: int) -> int:
    return i * 2


@task
def label(i: int) -> str:
    return str(i)


@flow
def pipeline(n: int):
    values = [fetch(i) for i in range(n)]
    names = [label(i) for i in range(n)]
    collected = []
    for i in range(n):
        collected.append(fetch(i))
    collected.extend([fetch(n), fetch(n + 1)])
    total = sum(v.result() for v in [fetch(1), fetch(2)])
    for value in values:
        print(value.result())
    for idx, item in enumerate(collected):
        print(idx, item.result())
    for value_of_pair, name in zip(values, names):
        print(value_of_pair, name.result())
    return [v.result() for v in values], total
