// Correct Prefect code, written for Orca's tests: every snippet must lint clean for its version (no false alarms).

export interface CleanSnippet {
  name: string;
  version: string;
  code: string;
}

const V2: CleanSnippet[] = [
  {
    name: "2.x flow and tasks with retries",
    version: "2.20.25",
    code: `from prefect import flow, task

@task(retries=3, retry_delay_seconds=5)
def extract(n: int) -> list[int]:
    return list(range(n))

@task
def load(rows: list[int]) -> int:
    return len(rows)

@flow(name="etl", log_prints=True)
def etl(n: int = 10) -> int:
    rows = extract(n)
    return load(rows)

if __name__ == "__main__":
    etl()
`,
  },
  {
    name: "2.x submit with ConcurrentTaskRunner",
    version: "2.20",
    code: `from prefect import flow, task
from prefect.task_runners import ConcurrentTaskRunner

@task
def double(x: int) -> int:
    return x * 2

@flow(task_runner=ConcurrentTaskRunner())
def fan_out(xs: list[int]) -> list[int]:
    futures = [double.submit(x) for x in xs]
    return [f.result() for f in futures]
`,
  },
  {
    name: "2.x map with unmapped",
    version: "2.19.1",
    code: `from prefect import flow, task, unmapped

@task
def add(x: int, y: int) -> int:
    return x + y

@flow
def mapped(xs: list[int]):
    futures = add.map(xs, unmapped(10))
    return [f.result() for f in futures]
`,
  },
  {
    name: "2.x SequentialTaskRunner",
    version: "2.20.25",
    code: `from prefect import flow, task
from prefect.task_runners import SequentialTaskRunner

@task
def step(i: int) -> int:
    return i

@flow(task_runner=SequentialTaskRunner())
def ordered():
    for i in range(3):
        step.submit(i)
`,
  },
  {
    name: "2.x Deployment.build_from_flow before its deprecation",
    version: "2.14.0",
    code: `from prefect import flow
from prefect.deployments import Deployment

@flow
def hello(name: str = "world"):
    print(f"hello {name}")

deployment = Deployment.build_from_flow(flow=hello, name="hello-deploy", work_queue_name="default")
deployment.apply()
`,
  },
  {
    name: "2.x runtime context",
    version: "2.20.25",
    code: `from prefect import flow, task
from prefect.runtime import flow_run, task_run

@task
def prepare() -> str:
    return task_run.name

@flow
def introspect():
    prepare()
    return flow_run.id
`,
  },
  {
    name: "2.x run_deployment without waiting",
    version: "2.20.25",
    code: `from prefect import flow
from prefect.deployments import run_deployment

@flow
def trigger():
    flow_run = run_deployment(name="etl/nightly", parameters={"n": 5}, timeout=0)
    print(flow_run.id, flow_run.state)
    return flow_run.id
`,
  },
  {
    name: "2.x Secret block",
    version: "2.20.25",
    code: `from prefect import flow
from prefect.blocks.system import Secret

@flow
def uses_secret() -> int:
    token = Secret.load("api-token").get()
    return len(token)
`,
  },
  {
    name: "2.x cache_key_fn with task_input_hash",
    version: "2.20.25",
    code: `from datetime import timedelta
from prefect import flow, task
from prefect.tasks import task_input_hash

@task(cache_key_fn=task_input_hash, cache_expiration=timedelta(hours=1))
def expensive(x: int) -> int:
    return x ** 2

@flow
def cached() -> int:
    return expensive(4)
`,
  },
  {
    name: "2.x run logger",
    version: "2.20.25",
    code: `from prefect import flow, task, get_run_logger

@task
def work(x: int) -> int:
    logger = get_run_logger()
    logger.info("working on %s", x)
    return x

@flow(log_prints=True)
def logged():
    print("starting")
    return work(1)
`,
  },
  {
    name: "2.x async flow gathering async tasks",
    version: "2.20.25",
    code: `import asyncio
from prefect import flow, task

@task
async def fetch(i: int) -> int:
    await asyncio.sleep(0.1)
    return i

@flow
async def gather_all() -> int:
    results = await asyncio.gather(*[fetch(i) for i in range(5)])
    return sum(results)

if __name__ == "__main__":
    asyncio.run(gather_all())
`,
  },
  {
    name: "2.x subflows",
    version: "2.20.25",
    code: `from prefect import flow

@flow
def child(x: int) -> int:
    return x + 1

@flow
def parent() -> int:
    a = child(1)
    b = child(a)
    return b
`,
  },
  {
    name: "2.x Variable.get returns a Variable",
    version: "2.19.0",
    code: `from prefect import flow
from prefect.variables import Variable

@flow
def configured() -> str:
    region = Variable.get("region")
    return region.value if region else "us-east-1"
`,
  },
  {
    name: "2.x concurrency context manager",
    version: "2.20.25",
    code: `from prefect import flow, task
from prefect.concurrency.sync import concurrency

@task
def query(i: int) -> int:
    with concurrency("database", occupy=1):
        return i

@flow
def limited():
    return [query(i) for i in range(3)]
`,
  },
  {
    name: "2.x markdown artifact",
    version: "2.20.25",
    code: `from prefect import flow
from prefect.artifacts import create_markdown_artifact

@flow
def report():
    create_markdown_artifact(markdown="# Daily report", key="daily-report", description="rows loaded")
`,
  },
  {
    name: "2.x flow.serve",
    version: "2.20.25",
    code: `from prefect import flow

@flow
def heartbeat():
    print("alive")

if __name__ == "__main__":
    heartbeat.serve(name="heartbeat", cron="*/5 * * * *", tags=["ops"])
`,
  },
  {
    name: "2.x from_source and deploy",
    version: "2.20.25",
    code: `from prefect import flow

if __name__ == "__main__":
    flow.from_source(
        source="https://github.com/org/repo.git",
        entrypoint="flows/etl.py:etl",
    ).deploy(name="etl-prod", work_pool_name="k8s-pool")
`,
  },
  {
    name: "2.x returning states",
    version: "2.20.25",
    code: `from prefect import flow
from prefect.states import Completed, Failed

@flow
def decide(ok: bool):
    if ok:
        return Completed(message="all good")
    return Failed(message="something broke")
`,
  },
  {
    name: "2.x tags and wait_for",
    version: "2.20.25",
    code: `from prefect import flow, task, tags

@task
def step_a() -> int:
    return 1

@task
def step_b() -> int:
    return 2

@flow
def ordered():
    with tags("etl", "nightly"):
        a = step_a.submit()
        b = step_b.submit(wait_for=[a])
    return b.result()
`,
  },
  {
    name: "2.x async client",
    version: "2.20.25",
    code: `import asyncio
from prefect import get_client

async def recent_runs() -> list[str]:
    async with get_client() as client:
        runs = await client.read_flow_runs(limit=5)
        return [r.name for r in runs]

if __name__ == "__main__":
    print(asyncio.run(recent_runs()))
`,
  },
  {
    name: "2.x PrefectFuture.wait returns a state",
    version: "2.20.25",
    code: `from prefect import flow, task

@task
def slow() -> int:
    return 42

@flow
def waiter():
    future = slow.submit()
    state = future.wait(timeout=10)
    return state
`,
  },
];

const V3: CleanSnippet[] = [
  {
    name: "3.x ThreadPoolTaskRunner and wait",
    version: "3.4.20",
    code: `from prefect import flow, task
from prefect.futures import wait
from prefect.task_runners import ThreadPoolTaskRunner

@task
def fetch(i: int) -> int:
    return i * 2

@flow(task_runner=ThreadPoolTaskRunner(max_workers=4))
def fan_out(n: int = 5):
    futures = [fetch.submit(i) for i in range(n)]
    done = wait(futures)
    return [f.result() for f in done.done]
`,
  },
  {
    name: "3.x as_completed",
    version: "3.8.3",
    code: `from prefect import flow, task
from prefect.futures import as_completed

@task
def square(x: int) -> int:
    return x * x

@flow
def streaming(xs: list[int]) -> int:
    total = 0
    for future in as_completed([square.submit(x) for x in xs]):
        total += future.result()
    return total
`,
  },
  {
    name: "3.x map then result on the future list",
    version: "3.0.0",
    code: `from prefect import flow, task

@task
def inc(x: int) -> int:
    return x + 1

@flow
def mapped(xs: list[int]) -> list[int]:
    futures = inc.map(xs)
    return futures.result()
`,
  },
  {
    name: "3.x cache policies",
    version: "3.4.20",
    code: `from datetime import timedelta
from prefect import flow, task
from prefect.cache_policies import INPUTS, TASK_SOURCE

@task(cache_policy=INPUTS + TASK_SOURCE, cache_expiration=timedelta(days=1))
def expensive(x: int) -> int:
    return x ** 3

@flow
def cached() -> int:
    return expensive(3)
`,
  },
  {
    name: "3.x NO_CACHE",
    version: "3.4.20",
    code: `from prefect import task
from prefect.cache_policies import NO_CACHE

@task(cache_policy=NO_CACHE, retries=2)
def always_runs() -> str:
    return "fresh"
`,
  },
  {
    name: "3.x transactions",
    version: "3.4.20",
    code: `from prefect import flow, task
from prefect.transactions import transaction

@task
def write(path: str, data: str) -> None:
    with open(path, "w") as fh:
        fh.write(data)

@flow
def atomic():
    with transaction():
        write("a.txt", "hello")
        write("b.txt", "world")
`,
  },
  {
    name: "3.x background tasks",
    version: "3.4.20",
    code: `from prefect import task
from prefect.task_worker import serve

@task
def send_email(to: str) -> str:
    return f"sent to {to}"

if __name__ == "__main__":
    future = send_email.delay("someone@example.com")
    serve(send_email)
`,
  },
  {
    name: "3.x run_deployment and the FlowRun record",
    version: "3.4.20",
    code: `from prefect import flow
from prefect.deployments import run_deployment

@flow
def trigger():
    flow_run = run_deployment(name="etl/nightly", parameters={"n": 5}, timeout=0, job_variables={"env": {"A": "1"}})
    print(flow_run.id, flow_run.state.name)
    return flow_run.id
`,
  },
  {
    name: "3.x pause_flow_run",
    version: "3.8.3",
    code: `from prefect import flow
from prefect.flow_runs import pause_flow_run

@flow
def approval():
    pause_flow_run(timeout=600)
    return "approved"
`,
  },
  {
    name: "3.x Variables",
    version: "3.4.20",
    code: `from prefect import flow
from prefect.variables import Variable

@flow
def configured() -> int:
    Variable.set("threshold", 10, overwrite=True)
    return Variable.get("threshold", default=5)
`,
  },
  {
    name: "3.x from_source().deploy()",
    version: "3.4.20",
    code: `from prefect import flow

@flow
def etl():
    print("etl")

if __name__ == "__main__":
    flow.from_source(
        source="https://github.com/org/repo.git",
        entrypoint="flows/etl.py:etl",
    ).deploy(name="etl-prod", work_pool_name="k8s-pool", cron="0 2 * * *")
`,
  },
  {
    name: "3.x serve several deployments",
    version: "3.4.20",
    code: `from prefect import flow, serve

@flow
def a():
    print("a")

@flow
def b():
    print("b")

if __name__ == "__main__":
    serve(a.to_deployment(name="a"), b.to_deployment(name="b", cron="0 * * * *"))
`,
  },
  {
    name: "3.x ProcessPoolTaskRunner with picklable inputs",
    version: "3.4.20",
    code: `from prefect import flow, task
from prefect.futures import wait
from prefect.task_runners import ProcessPoolTaskRunner

@task
def crunch(n: int) -> int:
    return sum(i * i for i in range(n))

@flow(task_runner=ProcessPoolTaskRunner(max_workers=4))
def cpu_bound(sizes: list[int]) -> list[int]:
    futures = [crunch.submit(n) for n in sizes]
    wait(futures)
    return [f.result() for f in futures]

if __name__ == "__main__":
    cpu_bound([10_000, 20_000])
`,
  },
  {
    name: "3.x async flow awaiting async tasks",
    version: "3.8.3",
    code: `import asyncio
from prefect import flow, task

@task
async def fetch(i: int) -> int:
    await asyncio.sleep(0.01)
    return i

@flow
async def gather_all() -> int:
    results = await asyncio.gather(*[fetch(i) for i in range(3)])
    return sum(results)
`,
  },
  {
    name: "3.x wait_for dependencies",
    version: "3.4.20",
    code: `from prefect import flow, task

@task
def setup() -> None:
    print("setup")

@task
def run_job() -> int:
    return 1

@flow
def ordered() -> int:
    ready = setup.submit()
    job = run_job.submit(wait_for=[ready])
    return job.result()
`,
  },
  {
    name: "3.x returning futures resolves them",
    version: "3.4.20",
    code: `from prefect import flow, task

@task
def one() -> int:
    return 1

@flow
def returns_futures():
    a = one.submit()
    b = one.submit()
    return [a, b]
`,
  },
  {
    name: "3.x futures collected in a list then waited",
    version: "3.4.20",
    code: `from prefect import flow, task
from prefect.futures import wait

@task
def task_a() -> str:
    return "a"

@task
def task_b() -> str:
    return "b"

@task
def combine(*deps: str) -> None:
    print(deps)

@flow
def collected():
    futures = []
    futures.append(task_a.submit())
    futures.append(task_b.submit())
    futures.append(combine.submit(futures[0], futures[1]))
    wait(futures)
`,
  },
  {
    name: "3.x downstream future resolved at the end",
    version: "3.8.3",
    code: `from prefect import flow, task
from prefect.task_runners import ThreadPoolTaskRunner

@task
def task_a() -> str:
    return "a"

@task
def task_b() -> str:
    return "b"

@task
def no_op(*dependencies: str) -> None:
    print(dependencies)

@flow(task_runner=ThreadPoolTaskRunner())
def my_flow():
    a = task_a.submit()
    b = task_b.submit()
    noop = no_op.submit(a, b)
    noop.result()

if __name__ == "__main__":
    my_flow()
`,
  },
  {
    name: "3.x artifacts",
    version: "3.4.20",
    code: `from prefect import flow
from prefect.artifacts import create_progress_artifact, create_table_artifact, update_progress_artifact

@flow
def progress():
    artifact_id = create_progress_artifact(progress=0.0, description="loading")
    create_table_artifact(table=[{"rows": 10}], key="load-summary")
    update_progress_artifact(artifact_id=artifact_id, progress=100.0)
`,
  },
  {
    name: "3.x global concurrency and rate limits",
    version: "3.4.20",
    code: `from prefect import flow, task
from prefect.concurrency.sync import concurrency, rate_limit

@task
def call_api(i: int) -> int:
    rate_limit("api-calls")
    with concurrency("database", occupy=1, timeout_seconds=30):
        return i

@flow
def throttled():
    return [call_api(i) for i in range(3)]
`,
  },
  {
    name: "3.x emitting events",
    version: "3.4.20",
    code: `from prefect.events import emit_event

emit_event(event="orders.loaded", resource={"prefect.resource.id": "orders.daily"}, payload={"rows": 10})
`,
  },
  {
    name: "3.x schedules module",
    version: "3.4.20",
    code: `from prefect import flow
from prefect.schedules import Cron

@flow
def nightly():
    print("nightly")

if __name__ == "__main__":
    nightly.serve(name="nightly", schedules=[Cron("0 2 * * *", timezone="UTC")])
`,
  },
  {
    name: "3.x with_options on a task",
    version: "3.4.20",
    code: `from prefect import flow, task

@task
def fetch(i: int) -> int:
    return i

@flow
def tuned() -> int:
    fast = fetch.with_options(retries=5, name="fetch-with-retries")
    return fast.submit(1).result()
`,
  },
  {
    name: "3.x runtime context and settings",
    version: "3.8.3",
    code: `import prefect.runtime
from prefect import flow
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL, temporary_settings

@flow
def where_am_i() -> str:
    print(flow_run.name, prefect.runtime.deployment.id)
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        return str(flow_run.id)
`,
  },
  {
    name: "3.x submit_to_runner before its removal",
    version: "3.2",
    code: `from prefect import flow
from prefect.runner import submit_to_runner

@flow
def double(n: int) -> int:
    return n * 2

if __name__ == "__main__":
    runs = submit_to_runner(double, parameters=[{"n": i} for i in range(3)])
`,
  },
  {
    name: "3.x sync client and state hooks",
    version: "3.4.20",
    code: `from prefect import flow, get_client

def notify(flow, flow_run, state):
    with get_client(sync_client=True) as client:
        client.read_flow_run(flow_run.id)

@flow(on_failure=[notify], retries=1, retry_delay_seconds=10)
def guarded():
    raise ValueError("boom")
`,
  },
  {
    name: "3.x map with unmapped and a task's fn",
    version: "3.8.3",
    code: `from prefect import flow, task, unmapped

@task
def scale(x: int, factor: int) -> int:
    return x * factor

@flow
def scaled(xs: list[int]) -> list[int]:
    direct = scale.fn(2, 3)
    futures = scale.map(xs, unmapped(direct))
    return futures.result()
`,
  },
  {
    name: "3.x integration imports are never flagged",
    version: "3.4.20",
    code: `from prefect import flow
from prefect_aws import S3Bucket
from prefect_dask import DaskTaskRunner
import pandas as pd

@flow(task_runner=DaskTaskRunner())
def to_s3():
    bucket = S3Bucket.load("my-bucket")
    bucket.upload_from_dataframe(pd.DataFrame())
`,
  },
  {
    name: "3.x as_completed over subflow-wrapping tasks",
    version: "3.4.20",
    code: `from prefect import flow, task
from prefect.deployments import run_deployment
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

@task
def trigger(name: str) -> str:
    run = run_deployment(name=name, as_subflow=True, timeout=0)
    return str(run.id)

@flow(task_runner=ThreadPoolTaskRunner(max_workers=5))
def orchestrator() -> list[str]:
    futures = [trigger.submit(n) for n in ["a/dev", "b/dev"]]
    return [f.result() for f in as_completed(futures)]
`,
  },
  {
    name: "3.x infrastructure-bound flow submitted (an outer decorator changes the type)",
    version: "3.8.3",
    code: `from prefect import flow
from prefect_kubernetes.experimental import kubernetes

@kubernetes(work_pool="k8s-pool")
@flow
def train(epochs: int) -> float:
    return 0.9

@flow
def orchestrate() -> float:
    future = train.submit(epochs=3)
    return future.result()
`,
  },
  {
    name: "3.x futures in a dict comprehension",
    version: "3.4.20",
    code: `from prefect import flow, task

@task
def size(name: str) -> int:
    return len(name)

@flow
def sizes(names: list[str]) -> dict[str, int]:
    futures = {n: size.submit(n) for n in names}
    return {n: f.result() for n, f in futures.items()}
`,
  },
  {
    name: "3.x blocks, schedules and states used together",
    version: "3.4.20",
    code: `from prefect import flow
from prefect.blocks.system import Secret
from prefect.client.schemas.schedules import CronSchedule
from prefect.states import Completed
from prefect.exceptions import MissingResult
from prefect.logging import get_logger

logger = get_logger("etl")

@flow(task_runner=None, persist_result=True)
def nightly():
    Secret(value="token").save("api-token", overwrite=True)
    schedule = CronSchedule(cron="0 2 * * *", timezone="UTC")
    logger.info("schedule %s", schedule.cron)
    try:
        return Completed(message="done")
    except MissingResult:
        raise
`,
  },
];

/** Correct code around the runtime traps and the fragment handling: none of it may raise an alarm. */
const TRAPS: CleanSnippet[] = [
  {
    name: "2.x awaited futures and Variable objects",
    version: "2.19.8",
    code: `from prefect import flow, task
from prefect.variables import Variable

@task
async def fetch(url: str) -> str:
    return url

@flow
async def crawl(urls: list[str]) -> list[str]:
    region = Variable.get("aws_region").value
    futures = [await fetch.submit(u) for u in urls]
    return [region] + [await f.result() for f in futures]
`,
  },
  {
    name: "3.x async flow awaiting wait_for_flow_run and async tasks",
    version: "3.4.20",
    code: `import asyncio
from prefect import flow, task
from prefect.deployments import run_deployment
from prefect.flow_runs import wait_for_flow_run
from prefect.variables import Variable

@task
async def fetch(u: str) -> str:
    await asyncio.sleep(0)
    return u

@flow
async def parent(urls: list[str]):
    run = await run_deployment("child/prod", timeout=0)
    finished = await wait_for_flow_run(run.id)
    base = Variable.get("api_base", default="https://example.com")
    pages = await asyncio.gather(*[fetch(f"{base}/{u}") for u in urls])
    return finished.state, pages
`,
  },
  {
    name: "3.x sync flow bridging to an async-only helper",
    version: "3.6.2",
    code: `import asyncio
from prefect import flow, pause_flow_run, task
from prefect.deployments import run_deployment
from prefect.flow_runs import wait_for_flow_run

@task
def prepare() -> int:
    return 1

@flow
def release():
    prepare()
    pause_flow_run(timeout=600)
    run = run_deployment("child/prod", timeout=0)
    finished = asyncio.run(wait_for_flow_run(run.id))
    return finished.state
`,
  },
  {
    name: "3.6.3+ pause_flow_run inside a task",
    version: "3.6.3",
    code: `from prefect import flow, pause_flow_run, task

@task
def approve():
    pause_flow_run(timeout=600)

@flow
def release():
    approve()
`,
  },
  {
    name: "3.x futures resolved without await in an async flow",
    version: "3.8.3",
    code: `from prefect import flow, task
from prefect.futures import wait

@task
def square(x: int) -> int:
    return x * x

@flow
async def squares(xs: list[int]) -> list[int]:
    futures = square.map(xs)
    wait(futures)
    return futures.result()
`,
  },
  {
    name: "3.x fragment without imports",
    version: "3.4.20",
    code: `@flow(task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=True)
def pipeline():
    run = run_deployment("etl/prod", timeout=0)
    print(run.id, run.state)
`,
  },
];

export const CLEAN_SNIPPETS: readonly CleanSnippet[] = [...V2, ...V3, ...TRAPS];
