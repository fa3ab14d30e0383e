"""Pairwise LLM-as-judge for open-ended answers."""
import json
import random

from openai import OpenAI

JUDGE_PROMPT = """You compare two answers to the same customer question.
Question: {question}
Reference notes: {reference}
Answer A: {a}
Answer B: {b}
Which answer is more correct and helpful? Reply as JSON: {{"winner": "A" | "B" | "tie"}}"""


class PairwiseJudge:
    def __init__(self, api_key, model="gpt-4o-mini-2024-07-18", seed=0):
        self.client = OpenAI(api_key=api_key)
        self.model = model
        self.rng = random.Random(seed)

    def compare(self, question, reference, candidate, baseline):
        swap = self.rng.random() < 0.5
        a, b = (baseline, candidate) if swap else (candidate, baseline)
        resp = self.client.chat.completions.create(
            model=self.model,
            temperature=0,
            response_format={"type": "json_object"},
            messages=[{"role": "user", "content": JUDGE_PROMPT.format(question=question, reference=reference, a=a, b=b)}],
        )
        winner = json.loads(resp.choices[0].message.content).get("winner", "tie")
        if winner == "tie":
            return 0.5
        return float((winner == "A") != swap)
