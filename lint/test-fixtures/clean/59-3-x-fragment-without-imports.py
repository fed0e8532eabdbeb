# orca-fixture: 3.x fragment without imports
# prefect: 3.4.20
@flow(task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=True)
def pipeline():
    run = run_deployment("etl/prod", timeout=0)
    print(run.id, run.state)
