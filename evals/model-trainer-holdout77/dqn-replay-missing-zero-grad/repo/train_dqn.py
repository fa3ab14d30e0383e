"""Train Double DQN on a classic-control task with periodic greedy evaluation."""
import argparse
import random
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import yaml

from dqn.agent import DQNAgent
from dqn.replay import ReplayBuffer


def linear_epsilon(step, cfg):
    frac = min(1.0, step / cfg["eps_decay_steps"])
    return cfg["eps_start"] + frac * (cfg["eps_end"] - cfg["eps_start"])


def evaluate(agent, env_id, episodes, seed):
    env = gym.make(env_id)
    returns = []
    for ep in range(episodes):
        obs, _ = env.reset(seed=seed + ep)
        done, total = False, 0.0
        while not done:
            obs, r, terminated, truncated, _ = env.step(agent.act(obs, epsilon=0.0))
            total += r
            done = terminated or truncated
        returns.append(total)
    env.close()
    return float(np.mean(returns)), float(np.std(returns))


def main(cfg):
    seed = cfg["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    env = gym.make(cfg["env_id"])
    env.action_space.seed(seed)
    obs_dim, n_actions = env.observation_space.shape[0], env.action_space.n
    agent = DQNAgent(obs_dim, n_actions, cfg, device, seed=seed)
    buffer = ReplayBuffer(cfg["buffer_size"], obs_dim, seed=seed)

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_return = -np.inf
    obs, _ = env.reset(seed=seed)
    episode_return, episode_returns = 0.0, []

    for step in range(1, cfg["total_steps"] + 1):
        action = agent.act(obs, linear_epsilon(step, cfg))
        next_obs, reward, terminated, truncated, _ = env.step(action)
        buffer.add(obs, action, reward, next_obs, float(terminated))
        obs, episode_return = next_obs, episode_return + reward
        if terminated or truncated:
            episode_returns.append(episode_return)
            obs, _ = env.reset()
            episode_return = 0.0

        if step > cfg["learning_starts"] and step % cfg["train_freq"] == 0:
            agent.update(buffer.sample(cfg["batch_size"], device))
        if step % cfg["target_update_every"] == 0:
            agent.sync_target()

        if step % cfg["eval_every"] == 0:
            mean_ret, std_ret = evaluate(agent, cfg["env_id"], cfg["eval_episodes"], seed=10_000)
            recent = np.mean(episode_returns[-20:]) if episode_returns else float("nan")
            print(f"step {step:>7}  train_ret(20)={recent:7.1f}  eval_ret={mean_ret:7.1f} ± {std_ret:5.1f}")
            if mean_ret > best_return:
                best_return = mean_ret
                torch.save(agent.q_net.state_dict(), ckpt)
            if mean_ret >= cfg["solved_return"]:
                print(f"solved at step {step}")
                break

    env.close()
    print(f"best greedy eval return: {best_return:.1f} (checkpoint: {ckpt})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/cartpole.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
