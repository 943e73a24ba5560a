"""Package list for setuptools; all other metadata lives in pyproject.toml.

resources/ is a top-level folder in the repository (docs/architecture.md) but must install
inside the package as ficwriter/resources, where ficwriter.paths.resources_dir() finds it.
Its sub-folders are data, listed as namespace packages so setuptools ships them whole.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = ["ficwriter.resources"] + [
    f"ficwriter.resources.{name}" for name in find_namespace_packages(where="resources")
]

setup(
    packages=[*find_packages(include=["ficwriter", "ficwriter.*"]), *RESOURCES],
    package_dir={"ficwriter.resources": "resources"},
)
