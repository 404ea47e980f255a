import type { Operation } from "./route-catalogue";

const ticketProblems = { 404: "COUNTER_NOT_FOUND" };

/** The counters' routes (bookings, tickets, the desk): anyone may book, staff of a counter call its numbers. */
export const counterOperations: Record<string, Operation> = {
  "GET /services/:id/book": { summary: "Book a visit time at a counter service (HTML)", responses: { 200: "text/html" } },
  "GET /bookings": { summary: "Open a booking by its code (HTML; ?code=)", responses: { 200: "text/html", 404: "no such booking" } },
  "GET /bookings/:code": { summary: "One booking, as its holder sees it (HTML)", responses: { 200: "text/html", 404: "no such booking" } },
  "GET /services/:id/tickets": {
    summary: "Today's queue at each counter of a service, to take a remote ticket (HTML)",
    responses: { 200: "text/html", 404: "no counter" },
  },
  "GET /counters/:counter": {
    summary: "One counter's queue, where its poster's QR code leads (HTML)",
    responses: { 200: "text/html" },
    problems: ticketProblems,
  },
  "GET /tickets/:code": {
    summary: "One remote ticket: number, people ahead, expected time (HTML)",
    responses: { 200: "text/html", 404: "no such ticket" },
  },
  "GET /desk/:counter": {
    summary: "A counter's desk and big screen: call the next number, the day's bookings (HTML)",
    responses: { 200: "text/html" },
    problems: ticketProblems,
  },
};
