// The operators' dashboard: plain JavaScript on the gateway's public API (same origin, the API key
// in X-Api-Key). Rides are booked and cancelled through /v2, vehicles listed through /v1.
"use strict";

const KEY = "fleet-dashboard.api-key";
const $ = (id) => document.getElementById(id);
let ride = null; // the ride booked last in this tab
let vehiclesById = new Map();

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : "The gateway answered " + status);
    this.status = status;
  }
}

async function api(method, path, json) {
  const headers = { "X-Api-Key": sessionStorage.getItem(KEY) || "", Accept: "application/json" };
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(new URL(path, document.baseURI), {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

function say(text, kind) {
  const message = $("message");
  message.textContent = text;
  message.className = kind || "";
  message.hidden = !text;
}

function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut();
    say("The gateway refused this API key. Sign in with a valid one.");
  } else {
    say(error.message);
  }
}

function place(value) {
  const [lat, lon] = value.split(",");
  return { lat: Number(lat), lon: Number(lon) };
}

function station() {
  return { lat: $("lat").value.trim(), lon: $("lon").value.trim(), radius: $("radius").value.trim() };
}

async function showVehicles() {
  const s = station();
  const query = "?lat=" + encodeURIComponent(s.lat) + "&lon=" + encodeURIComponent(s.lon) +
    "&radiusKm=" + encodeURIComponent(s.radius);
  const body = await api("GET", "../v1/vehicles" + query);
  vehiclesById = new Map(body.vehicles.map((v) => [v.id, v]));
  const rows = $("vehicles").tBodies[0];
  rows.replaceChildren(...body.vehicles.map((v) => {
    const row = document.createElement("tr");
    row.className = v.status.toLowerCase();
    row.dataset.vehicleId = v.id;
    for (const text of [v.plate, v.status, v.distanceKm.toFixed(1) + " km"]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
  const none = $("no-vehicles");
  none.textContent = "No vehicle within " + s.radius + " km.";
  none.hidden = body.vehicles.length > 0;
}

function showRide() {
  $("ride").hidden = !ride;
  $("cancel").hidden = !ride || ride.status !== "ASSIGNED";
  if (!ride) {
    return;
  }
  const vehicle = vehiclesById.get(ride.vehicleId);
  $("ride-id").textContent = ride.id;
  $("ride-status").textContent = ride.status;
  $("ride-vehicle").textContent = vehicle ? vehicle.plate : ride.vehicleId;
  const at = new Date(ride.eta.pickupAt).toISOString().substring(11, 19);
  $("ride-eta").textContent =
    Math.round(ride.eta.seconds / 60) + " min (" + ride.eta.seconds + " s), pickup at " + at + " UTC";
}

async function book() {
  const s = station();
  ride = await api("POST", "../v2/rides", {
    riderId: $("rider").value.trim(),
    pickup: { lat: Number(s.lat), lon: Number(s.lon) },
    dropoff: place($("dropoff").value),
  });
  await showVehicles();
  showRide();
  say("Ride booked.", "info");
}

async function cancel() {
  ride = await api("POST", "../v2/rides/" + encodeURIComponent(ride.id) + "/cancel");
  await showVehicles();
  showRide();
  say("Ride cancelled.", "info");
}

function signedIn() {
  $("sign-in").hidden = true;
  $("operations").hidden = false;
  $("sign-out").hidden = false;
}

function signOut() {
  sessionStorage.removeItem(KEY);
  ride = null;
  showRide();
  $("sign-in").hidden = false;
  $("operations").hidden = true;
  $("sign-out").hidden = true;
  say("");
}

function on(id, event, action) {
  $(id).addEventListener(event, (e) => {
    e.preventDefault();
    action().catch(failed);
  });
}

function chooseStation() {
  const value = $("station").value;
  if (value) {
    const p = place(value);
    $("lat").value = p.lat;
    $("lon").value = p.lon;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  chooseStation();
  $("station").addEventListener("change", chooseStation);
  on("sign-in", "submit", async () => {
    sessionStorage.setItem(KEY, $("api-key").value);
    $("api-key").value = "";
    await showVehicles(); // the key's first use: a refused key signs out again, saying why
    signedIn();
    say("");
  });
  on("station-form", "submit", async () => {
    say("");
    await showVehicles();
  });
  on("book-form", "submit", async () => {
    say("");
    await book();
  });
  on("cancel", "click", async () => {
    say("");
    await cancel();
  });
  $("sign-out").addEventListener("click", signOut);
  if (sessionStorage.getItem(KEY)) {
    signedIn();
  }
});
