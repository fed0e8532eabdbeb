# orca-fixture: a 3.x JSON block compared with a literal (its value is not known to be a string: read as is)
# prefect: 3.2.0
# rule: record-used-as-value
# lines: 7
from prefect.blocks.system import JSON

if JSON.load("limits") == {"rows": 10}:
    print("default limits")
