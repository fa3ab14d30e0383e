"""Double DQN with soft target updates, greedy evaluation on held-out seeds, early stopping."""
import argparse
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import yaml

from agents.buffer import Replay
from agents.ddqn import DoubleDQN
from agents.seeding import seed_env, seed_everything


def epsilon_at(step, cfg):
    frac = min(step / cfg["eps_decay_steps"], 1.0)
    return cfg["eps_start"] + frac * (cfg["eps_end"] - cfg["eps_start"])


def run_episodes(policy_fn, env_id, n, seed0):
    env, returns = gym.make(env_id), []
    for i in range(n):
        obs, _ = seed_env(env, seed0 + i)
        done, ret = False, 0.0
        while not done:
            obs, r, term, trunc, _ = env.step(policy_fn(obs, env))
            ret, done = ret + r, term or trunc
        returns.append(ret)
    env.close()
    return np.array(returns)


def evaluate(agent, cfg):
    agent.q.eval()
    rets = run_episodes(lambda o, e: agent.act(o, 0.0), cfg["env_id"],
                        cfg["eval_episodes"], cfg["seed"] + cfg["eval_seed_offset"])
    agent.q.train()
    return rets


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    env = gym.make(cfg["env_id"])
    obs, _ = seed_env(env, cfg["seed"])
    agent = DoubleDQN(env.observation_space.shape[0], env.action_space.n, cfg, device)
    replay = Replay(cfg["buffer_size"])

    random_rets = run_episodes(lambda o, e: e.action_space.sample(), cfg["env_id"],
                               cfg["eval_episodes"], cfg["seed"] + cfg["eval_seed_offset"])
    print(f"random policy: {random_rets.mean():.1f} ± {random_rets.std():.1f}")

    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best, evals_since_best, losses = -np.inf, 0, []
    for step in range(1, cfg["total_steps"] + 1):
        action = agent.act(obs, epsilon_at(step, cfg))
        nxt, r, term, trunc, _ = env.step(action)
        replay.push(obs, action, r, nxt, float(term))
        obs = nxt if not (term or trunc) else env.reset()[0]

        if step >= cfg["learning_starts"]:
            losses.append(agent.learn(replay.sample(cfg["batch_size"], device)))

        if step % cfg["eval_every"] == 0:
            rets = evaluate(agent, cfg)
            print(f"step {step:>7}  loss={np.mean(losses[-1000:]) if losses else float('nan'):.4f}  "
                  f"eval={rets.mean():.1f} ± {rets.std():.1f}  median={np.median(rets):.1f}")
            if rets.mean() > best:
                best, evals_since_best = rets.mean(), 0
                torch.save({"q": agent.q.state_dict(), "step": step, "cfg": cfg}, ckpt_dir / "best.pt")
            else:
                evals_since_best += 1
                if evals_since_best >= cfg["patience_evals"]:
                    print(f"no eval improvement for {evals_since_best} evaluations, stopping")
                    break
    env.close()
    print(f"best eval return {best:.1f} vs random {random_rets.mean():.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/acrobot.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
