"""Prints the folders of the example DAGs shipped inside the installed Airflow packages, one per line."""
import os

import airflow
import airflow.providers.standard

print(os.path.join(os.path.dirname(airflow.__file__), "example_dags"))
print(os.path.join(os.path.dirname(airflow.providers.standard.__file__), "example_dags"))
