import os
import random

import numpy as np
import torch


def seed_everything(seed, deterministic_torch=True):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    if deterministic_torch:
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False


def seed_env(env, seed):
    env.action_space.seed(seed)
    env.observation_space.seed(seed)
    obs, info = env.reset(seed=seed)
    return obs, info
