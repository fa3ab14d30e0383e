import random
import re

import numpy as np
import torch

_PATIENT = re.compile(r"^[A-Z]+-(\d+)-\d+\.jpe?g$")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def patient_id(filename):
    """OCT2017 file names look like CNV-1016042-1.jpeg: <class>-<patient>-<scan>."""
    return _PATIENT.match(filename).group(1)
