"""Double DQN agent."""
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def mlp(obs_dim, n_actions, hidden):
    return nn.Sequential(
        nn.Linear(obs_dim, hidden), nn.ReLU(),
        nn.Linear(hidden, hidden), nn.ReLU(),
        nn.Linear(hidden, n_actions),
    )


class DQNAgent:
    def __init__(self, obs_dim, n_actions, cfg, device, seed=None):
        self.n_actions = n_actions
        self.gamma = cfg["gamma"]
        self.device = device
        self.q_net = mlp(obs_dim, n_actions, cfg["hidden"]).to(device)
        self.target_net = mlp(obs_dim, n_actions, cfg["hidden"]).to(device)
        self.target_net.load_state_dict(self.q_net.state_dict())
        self.target_net.requires_grad_(False)
        self.optimizer = torch.optim.Adam(self.q_net.parameters(), lr=cfg["lr"])
        self.rng = np.random.default_rng(seed)

    def act(self, obs, epsilon=0.0):
        if self.rng.random() < epsilon:
            return int(self.rng.integers(self.n_actions))
        with torch.no_grad():
            q = self.q_net(torch.as_tensor(obs, dtype=torch.float32, device=self.device))
        return int(q.argmax().item())

    def update(self, batch):
        obs, actions, rewards, next_obs, dones = batch
        q = self.q_net(obs).gather(1, actions.unsqueeze(1)).squeeze(1)
        with torch.no_grad():
            next_actions = self.q_net(next_obs).argmax(dim=1, keepdim=True)
            next_q = self.target_net(next_obs).gather(1, next_actions).squeeze(1)
            target = rewards + self.gamma * (1.0 - dones) * next_q
        loss = F.smooth_l1_loss(q, target)
        loss.backward()
        nn.utils.clip_grad_norm_(self.q_net.parameters(), 10.0)
        self.optimizer.step()
        return loss.item()

    def sync_target(self):
        self.target_net.load_state_dict(self.q_net.state_dict())
