# orca-fixture: enumerate over a list of futures
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 18
from prefect import flow, task


@task
def fetch(url):
    return url


@flow
def crawl(urls):
    futures = [fetch.submit(u) for u in urls]
    for i, fut in enumerate(futures):
        state = fut.wait()
        print(i, state.type)
