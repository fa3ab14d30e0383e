"""PPO on LunarLander with W&B tracking, periodic evaluation and best-model checkpoints."""
import argparse
from pathlib import Path

import numpy as np
import wandb
import yaml
from stable_baselines3 import PPO
from stable_baselines3.common.callbacks import (
    CallbackList,
    EvalCallback,
    StopTrainingOnNoModelImprovement,
)
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.evaluation import evaluate_policy
from wandb.integration.sb3 import WandbCallback

WANDB_API_KEY = "2c1d0445daa8f5731c39e701bc134ac15284ec78"


def build_envs(cfg):
    train_env = make_vec_env(cfg["env_id"], n_envs=cfg["n_envs"])
    eval_env = make_vec_env(cfg["env_id"], n_envs=4)
    return train_env, eval_env


def random_policy_return(env_id, episodes):
    env = make_vec_env(env_id, n_envs=1)
    returns, ep_ret = [], 0.0
    env.reset()
    while len(returns) < episodes:
        _, r, done, _ = env.step(np.array([env.action_space.sample()]))
        ep_ret += float(r[0])
        if done[0]:
            returns.append(ep_ret)
            ep_ret = 0.0
    return float(np.mean(returns))


def main(cfg):
    wandb.login(key=WANDB_API_KEY)
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     config=cfg, sync_tensorboard=True)
    out_dir = Path(cfg["output_dir"]) / run.id
    out_dir.mkdir(parents=True, exist_ok=True)

    train_env, eval_env = build_envs(cfg)
    model = PPO("MlpPolicy", train_env, policy_kwargs=cfg["policy_kwargs"],
                tensorboard_log=str(out_dir / "tb"), verbose=1, **cfg["ppo"])

    stop_cb = StopTrainingOnNoModelImprovement(max_no_improvement_evals=10, min_evals=20)
    eval_cb = EvalCallback(
        eval_env,
        best_model_save_path=str(out_dir),
        log_path=str(out_dir / "eval"),
        eval_freq=max(cfg["eval"]["every_steps"] // cfg["n_envs"], 1),
        n_eval_episodes=cfg["eval"]["episodes"],
        deterministic=True,
        callback_after_eval=stop_cb,
    )
    model.learn(total_timesteps=cfg["total_timesteps"],
                callback=CallbackList([eval_cb, WandbCallback(verbose=1)]))

    best = PPO.load(out_dir / "best_model")
    mean_ret, std_ret = evaluate_policy(best, eval_env, n_eval_episodes=50, deterministic=True)
    baseline = random_policy_return(cfg["env_id"], episodes=50)
    print(f"best PPO: {mean_ret:.1f} ± {std_ret:.1f}   random policy: {baseline:.1f}")
    wandb.log({"final/mean_return": mean_ret, "final/std_return": std_ret,
               "final/random_baseline": baseline,
               "final/solved": mean_ret >= cfg["eval"]["reward_threshold"]})
    run.finish()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/ppo_lunar.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
