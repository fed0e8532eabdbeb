# orca-fixture: a loop over as_completed(...), whose annotation yields futures
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 19
from prefect import flow, task
from prefect.futures import as_completed


@task
def fetch(url):
    return url


@flow
def crawl(urls):
    futures = [fetch.submit(u) for u in urls]
    for future in as_completed(futures):
        state = future.wait()
        print(state.name)
