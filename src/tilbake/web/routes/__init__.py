"""Thin routes: parse, call one service method, render."""
