# orca-fixture: 3.x as_completed over subflow-wrapping tasks
# prefect: 3.4.20
from prefect import flow, task
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
